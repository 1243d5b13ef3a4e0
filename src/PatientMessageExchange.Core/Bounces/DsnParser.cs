using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using PatientMessageExchange.Core.Bounces.TextParsers;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Reads a bounce, whatever its shape: delivery-status notifications (RFC 3464, and RFC 6533's
/// <c>message/global-delivery-status</c>) wherever the status part sits and whatever the report says its type is; ARF
/// complaints (RFC 5965) with every recipient they name; Amazon SES notifications; and the prose of servers that send
/// no status part (<see cref="TextBounceParsers"/>). A bounce forwarded by a person is read through to the bounce it
/// carries. It never throws: whatever it can't read comes back as one Unclassified recipient with the raw report and
/// the reason, so that nothing is lost (R8).
/// </summary>
public static partial class DsnParser
{
    private const int MaxDepth = 3;

    public static BounceReport Parse(byte[] raw)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, MboxLineLength(raw), raw.Length - MboxLineLength(raw), writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return Unclassified(raw, null, "not a MIME message");
        }
        try
        {
            return Parse(message, message, raw, depth: 0);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException
                                       or ParseException or DecoderFallbackException or IndexOutOfRangeException
                                       or NotSupportedException or System.Text.Json.JsonException)
        {
            return Unclassified(raw, message, "unreadable report");
        }
    }

    /// <summary>Whether the message names a failed recipient and a cause the policy knows: the detector's last test.</summary>
    internal static bool NamesFailedRecipient(MimeMessage message)
    {
        try
        {
            var report = Parse(message, message, [], depth: 1);
            return report.Recipients.Any(r => r is { Recipient: not null } && r.Kind != BounceKind.Unclassified);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException
                                       or ParseException or DecoderFallbackException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Which parser family read a report: "DSN", "ARF", "Amazon SES" or a text family; for the figures.</summary>
    public static string FamilyOf(BounceReport report) => report.Family ?? "none";

    /// <param name="outer">The message as it arrived: its identity is the report's, even when a forwarded one is read.</param>
    private static BounceReport Parse(MimeMessage outer, MimeMessage message, byte[] raw, int depth)
    {
        var original = ReturnedHeaders(message.Body);
        var originalMessageId = Clean(original?[HeaderId.MessageId])?.Trim('<', '>');

        if (SesNotification.TryRead(message) is { } ses)
        {
            return Report(raw, outer, ses.Recipients, ses.OriginalMessageId, null, ses.ReportingMta, null, "Amazon SES");
        }
        if (FindPart(message.Body, "message/feedback-report") is { } feedback)
        {
            return ParseFeedback(FieldGroups(DecodedText(feedback)).FirstOrDefault() ?? [], outer, raw, original, originalMessageId);
        }
        if (FindPart(message.Body, "message/delivery-status", "message/global-delivery-status") is { } status
            && ParseDeliveryStatus(FieldGroups(DecodedText(status)), outer, raw, originalMessageId) is { } dsn)
        {
            return WithNoticeDiagnostics(dsn, message);
        }
        if (original?["X-HmXmrOriginalRecipient"] is { } complainant && Address(complainant) is { } address)
        {
            // Outlook.com's feedback loop: the complained-of message attached, its recipient in this header.
            return Report(raw, outer, [new BounceRecipient(BounceKind.Complaint, address, FeedbackType: "abuse")],
                originalMessageId, null, null, null, "ARF");
        }

        var text = new BounceText(message);
        if (InlineDeliveryStatus(text.Body) is { } inline
            && ParseDeliveryStatus(inline, outer, raw, originalMessageId ?? text.OriginalMessageId) is { } inlineDsn)
        {
            return inlineDsn;
        }
        if (depth < MaxDepth && Forwarded(message, text) is { } forwarded && BounceDetector.IsBounce(forwarded))
        {
            var inner = Parse(outer, forwarded, raw, depth + 1);
            if (inner.Problem is null)
            {
                return inner;
            }
        }
        if (TextBounceParsers.Parse(text) is { } prose)
        {
            return FromText(prose, text, outer, raw, originalMessageId ?? text.OriginalMessageId);
        }
        return Unclassified(raw, outer, depth == 0 ? "no failed recipient found in the notice" : "a forwarded message that is not a bounce",
            originalMessageId ?? text.OriginalMessageId);
    }

    /// <summary>
    /// Status entries without a Diagnostic-Code take what the human-readable part says about the same recipient
    /// (OpenSMTPD puts the remote reply only there), and are classified again with it.
    /// </summary>
    private static BounceReport WithNoticeDiagnostics(BounceReport dsn, MimeMessage message)
    {
        if (dsn.Recipients.All(r => r.DiagnosticCode is not null || r.Recipient is null))
        {
            return dsn;
        }
        var notice = TextBounceParsers.Parse(new BounceText(message));
        if (notice is null || notice.Entries.Count == 0)
        {
            return dsn;
        }
        var said = notice.Entries.Where(e => e.Diagnostic is not null).GroupBy(e => e.Recipient).ToDictionary(g => g.Key, g => g.First().Diagnostic!);
        var recipients = dsn.Recipients.Select(r =>
        {
            if (r.DiagnosticCode is not null || r.Recipient is null || !said.TryGetValue(r.Recipient, out var diagnostic))
            {
                return r;
            }
            var kind = BounceClassifier.Classify(r.Action, r.Status, diagnostic) ?? r.Kind;
            return r with { Kind = kind, DiagnosticCode = Truncate(diagnostic, 1000) };
        }).ToList();
        return new BounceReport
        {
            RawMessage = dsn.RawMessage, ReportMessageId = dsn.ReportMessageId, Subject = dsn.Subject, DateUtc = dsn.DateUtc,
            ReportingMta = dsn.ReportingMta, OriginalEnvelopeId = dsn.OriginalEnvelopeId, OriginalMessageId = dsn.OriginalMessageId,
            Recipients = recipients, Problem = recipients.Any(r => r.Kind == BounceKind.Unclassified) ? dsn.Problem : null,
            Family = dsn.Family,
        };
    }

    private static BounceReport FromText(TextBounceResult result, BounceText text, MimeMessage outer, byte[] raw,
        string? originalMessageId)
    {
        var permanentNotice = Permanent().IsMatch(text.Notice);
        var recipients = result.Entries.Select(e =>
        {
            var status = e.Status ?? BounceClassifier.DeriveStatus(e.Diagnostic) ?? (permanentNotice ? "5.0.0" : null);
            var kind = BounceClassifier.Classify("failed", status, e.Diagnostic) ?? BounceKind.Unclassified;
            return new BounceRecipient(kind, e.Recipient, Action: "failed", Status: status,
                DiagnosticCode: Truncate(e.Diagnostic, 1000));
        }).ToList();
        var problem = recipients.Any(r => r.Kind == BounceKind.Unclassified)
            ? $"{result.Family} notice: no reason the policy knows for a recipient"
            : null;
        return Report(raw, outer, recipients, originalMessageId, null, null, problem, result.Family);
    }

    private static BounceReport? ParseDeliveryStatus(List<HeaderList> groups, MimeMessage message, byte[] raw,
        string? originalMessageId)
    {
        var fields = groups.SelectMany(g => g).ToList();
        string? First(string name) => Clean(fields.FirstOrDefault(f => f.Field.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value);
        var envelopeId = First("Original-Envelope-Id");
        var reportingMta = AfterType(First("Reporting-MTA"));
        var recipientGroups = RecipientGroups(groups);
        if (recipientGroups.Count == 0)
        {
            return null;
        }

        var recipients = new List<BounceRecipient>();
        foreach (var group in recipientGroups)
        {
            var action = Clean(group["Action"])?.ToLowerInvariant();
            var status = Clean(group["Status"]);
            var diagnostic = Clean(group["Diagnostic-Code"]);
            var kind = BounceClassifier.Classify(action, status, diagnostic);
            if (kind is null)
            {
                continue;
            }
            // The Original-Recipient is the address as we sent it (the Final one may be an alias it expanded to, or
            // source-routed); the Final-Recipient when there is no readable original.
            var final = Address(group["Final-Recipient"]);
            var originalRecipient = Address(group["Original-Recipient"]);
            var recipient = originalRecipient ?? final;
            recipients.Add(new BounceRecipient(
                recipient is null ? BounceKind.Unclassified : kind.Value,
                recipient,
                originalRecipient,
                action,
                BounceClassifier.EnhancedStatus(status) ?? Truncate(status, 32) ?? BounceClassifier.DeriveStatus(diagnostic),
                Truncate(diagnostic, 1000),
                Truncate(AfterType(group["Remote-MTA"]), 255)));
        }
        var problem = recipients.Any(r => r.Kind == BounceKind.Unclassified) ? "a recipient without a readable address or status" : null;
        return Report(raw, message, recipients, originalMessageId, envelopeId, reportingMta, problem, "DSN");
    }

    /// <summary>
    /// The per-recipient field groups. Blank lines separate them, but some servers (AOL, SurfControl) leave out the
    /// blank line after the per-message fields or between recipients, so a group is split again where a
    /// Final-Recipient or Original-Recipient repeats; fields before the first of them (an Action first) stay with it.
    /// </summary>
    private static List<HeaderList> RecipientGroups(List<HeaderList> blocks)
    {
        var groups = new List<HeaderList>();
        foreach (var block in blocks)
        {
            var current = new HeaderList();
            groups.Add(current);
            foreach (var field in block)
            {
                var identifies = IsField(field, "Final-Recipient") || IsField(field, "Original-Recipient");
                if (identifies && current.Any(f => f.Field.Equals(field.Field, StringComparison.OrdinalIgnoreCase)))
                {
                    current = new HeaderList();
                    groups.Add(current);
                }
                current.Add(field);
            }
        }
        return groups.Where(g => g.Any(f => IsField(f, "Final-Recipient") || IsField(f, "Original-Recipient"))).ToList();
    }

    private static bool IsField(Header header, string name) => header.Field.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static BounceReport ParseFeedback(HeaderList fields, MimeMessage message, byte[] raw, HeaderList? original,
        string? originalMessageId)
    {
        var feedbackType = Clean(fields["Feedback-Type"])?.ToLowerInvariant();
        var named = fields.Where(f => f.Field.Equals("Original-Rcpt-To", StringComparison.OrdinalIgnoreCase))
            .Select(f => Address(f.Value)).OfType<string>().Distinct().ToList();
        if (named.Count == 0 && FirstAddress(original?[HeaderId.To]) is { } to)
        {
            named.Add(to);
        }
        var envelopeId = Clean(fields["Original-Envelope-Id"]);
        var reportingMta = AfterType(fields["Reporting-MTA"]);
        // A report without a type is read as abuse, which is what feedback loops send.
        var isComplaint = feedbackType is null or "abuse" or "fraud";
        var type = Truncate(feedbackType ?? "abuse", 32);
        if (!isComplaint || named.Count == 0)
        {
            var problem = isComplaint ? "a complaint without a recipient" : "a feedback type that is not a complaint";
            return Report(raw, message, [new BounceRecipient(BounceKind.Unclassified, named.FirstOrDefault(), FeedbackType: type)],
                originalMessageId, envelopeId, reportingMta, problem, "ARF");
        }
        var recipients = named.Select(r => new BounceRecipient(BounceKind.Complaint, r, FeedbackType: type)).ToList();
        return Report(raw, message, recipients, originalMessageId, envelopeId, reportingMta, null, "ARF");
    }

    /// <summary>The first part of one of the types, at any depth, outside any attached message.</summary>
    private static MimePart? FindPart(MimeEntity? entity, params string[] types) => entity switch
    {
        Multipart multipart => multipart.Select(p => FindPart(p, types)).FirstOrDefault(p => p is not null),
        MimePart part when types.Contains(part.ContentType.MimeType, StringComparer.OrdinalIgnoreCase) => part,
        _ => null,
    };

    /// <summary>The headers of the returned original: a text/rfc822-headers part, or the whole message/rfc822.</summary>
    private static HeaderList? ReturnedHeaders(MimeEntity? entity)
    {
        switch (entity)
        {
            case Multipart multipart:
                foreach (var part in multipart)
                {
                    if (ReturnedHeaders(part) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case MessagePart { Message: { } returned }:
                return returned.Headers;
            case MimePart mime when mime.ContentType.MimeType.ToLowerInvariant() is "text/rfc822-headers" or "message/global-headers":
                return FieldGroups(DecodedText(mime)).FirstOrDefault();
            default:
                return null;
        }
    }

    /// <summary>A delivery-status part pasted into a text body, as a broken MIME writer leaves it.</summary>
    private static List<HeaderList>? InlineDeliveryStatus(string body)
    {
        var match = InlineStatusHeader().Match(body);
        if (!match.Success)
        {
            // No part header at all (a multipart whose boundary never appears): the fields stand in the text.
            return InlineRecipientField().IsMatch(body) ? FieldGroups(body) : null;
        }
        var rest = body[(match.Index + match.Length)..];
        var boundary = Boundary().Match(rest);
        return FieldGroups(boundary.Success ? rest[..boundary.Index] : rest);
    }

    /// <summary>
    /// The message a forwarded bounce carries: an attached message/rfc822, or a whole message pasted into the text
    /// (its header block starts at a header line and names a report or a mailer-daemon).
    /// </summary>
    private static MimeMessage? Forwarded(MimeMessage message, BounceText text)
    {
        if (message.Body is Multipart multipart
            && multipart.OfType<MessagePart>().Select(p => p.Message).FirstOrDefault(m => m is not null && BounceDetector.IsBounce(m)) is { } attached)
        {
            return attached;
        }
        var start = PastedMessage().Match(text.Body);
        if (!start.Success)
        {
            return null;
        }
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.Body[start.Index..]));
            return MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is FormatException or ParseException)
        {
            return null;
        }
    }

    private static int MboxLineLength(byte[] raw)
    {
        if (raw.Length < 5 || raw[0] != 'F' || raw[1] != 'r' || raw[2] != 'o' || raw[3] != 'm' || raw[4] != ' ')
        {
            return 0;
        }
        var end = Array.IndexOf(raw, (byte)'\n');
        return end < 0 ? 0 : end + 1;
    }

    [GeneratedRegex(@"^Content-Type:\s*message/(global-)?delivery-status[^\n]*\n(?:[ \t][^\n]*\n)*(?:[A-Za-z-]+:[^\n]*\n)*?\s*\n", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex InlineStatusHeader();

    [GeneratedRegex(@"^Final-Recipient:[ \t]*\S+;", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineRecipientField();

    [GeneratedRegex(@"^--\S+\s*$", RegexOptions.Multiline)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(Return-Path|Received|From|Date|Subject|To|Message-I[dD]|MIME-Version|Content-Type): [^\n]*\n(?:(?:[A-Za-z-]+:|[ \t])[^\n]*\n)*?Content-Type: multipart/report", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PastedMessage();

    [GeneratedRegex(@"permanent\s+(error|failure)|failed\s+permanently|could\s+not\s+be\s+delivered|couldn't\s+be\s+delivered|undeliverable|unable\s+to\s+deliver|not\s+delivered|was\s+not\s+able\s+to\s+deliver|wasn't\s+able\s+to\s+deliver|error\s+delivering|did\s+not\s+reach", RegexOptions.IgnoreCase)]
    private static partial Regex Permanent();

    internal static List<HeaderList> FieldGroups(string text)
    {
        var groups = new List<HeaderList>();
        var current = new HeaderList();
        string? name = null;
        var value = new StringBuilder();

        void Flush()
        {
            if (name is not null)
            {
                current.Add(new Header(Encoding.UTF8, name, value.ToString().Trim()));
            }
            name = null;
            value.Clear();
        }

        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                Flush();
                if (current.Count > 0)
                {
                    groups.Add(current);
                    current = new HeaderList();
                }
                continue;
            }
            if (char.IsWhiteSpace(line[0]) && name is not null)
            {
                value.Append(' ').Append(line.Trim());
                continue;
            }
            Flush();
            var colon = line.IndexOf(':');
            if (colon > 0 && FieldName().IsMatch(line[..colon]))
            {
                name = line[..colon];
                value.Append(line[(colon + 1)..]);
            }
        }
        Flush();
        if (current.Count > 0)
        {
            groups.Add(current);
        }
        return groups;
    }

    private static string DecodedText(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content?.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"rfc822; &lt;Ann@Example.org&gt;" gives "ann@example.org"; utf-8 addresses may carry \x{HHHH} escapes.</summary>
    internal static string? Address(string? field)
    {
        var value = AfterType(field);
        if (value is null)
        {
            return null;
        }
        value = XtextEscape().Replace(value, m => char.ConvertFromUtf32(Convert.ToInt32(m.Groups[1].Value, 16)));
        value = value.Trim().Trim('<', '>').Trim();
        // One @, not at the start: a source route (@relay:ann@example.org) or a list is not an address.
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.Length <= 254
               && !value.Any(c => char.IsWhiteSpace(c) || c is ':' or ',' or ';' or '<' or '>')
            ? value.ToLowerInvariant()
            : null;
    }

    private static string? FirstAddress(string? field)
    {
        if (field is null || !InternetAddressList.TryParse(field, out var list))
        {
            return null;
        }
        var mailbox = list.Mailboxes.FirstOrDefault();
        return mailbox is null ? null : Address(mailbox.Address);
    }

    /// <summary>The value after its type: "dns; mx.example.org" gives "mx.example.org".</summary>
    private static string? AfterType(string? field)
    {
        var value = Clean(field);
        if (value is null)
        {
            return null;
        }
        var semicolon = value.IndexOf(';');
        var rest = semicolon >= 0 ? value[(semicolon + 1)..].Trim() : value;
        return rest.Length == 0 ? null : Truncate(rest, 255);
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return Whitespace().Replace(value, " ").Trim();
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];

    private static BounceReport Unclassified(byte[] raw, MimeMessage? message, string problem,
        string? originalMessageId = null, string? envelopeId = null, string? reportingMta = null) =>
        Report(raw, message, [new BounceRecipient(BounceKind.Unclassified, null)], originalMessageId, envelopeId,
            reportingMta, problem, family: null);

    private static BounceReport Report(byte[] raw, MimeMessage? message, IReadOnlyList<BounceRecipient> recipients,
        string? originalMessageId, string? envelopeId, string? reportingMta, string? problem, string? family) => new()
    {
        Family = family,
        RawMessage = raw,
        ReportMessageId = Truncate(Clean(message?.MessageId), 500),
        Subject = Truncate(Clean(message?.Subject), 500),
        DateUtc = message?.Headers.Contains(HeaderId.Date) == true ? message.Date.ToUniversalTime() : null,
        ReportingMta = reportingMta,
        OriginalEnvelopeId = Truncate(envelopeId, 500),
        OriginalMessageId = Truncate(originalMessageId, 500),
        Recipients = recipients,
        Problem = problem,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[!-9;-~]+$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"\\x\{([0-9A-Fa-f]{1,6})\}")]
    private static partial Regex XtextEscape();
}
