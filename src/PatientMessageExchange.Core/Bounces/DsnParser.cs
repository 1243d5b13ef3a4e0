using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Reads delivery-status notifications (RFC 3464, and RFC 6533's <c>message/global-delivery-status</c>) and ARF
/// complaints (RFC 5965) with MimeKit. It never throws: whatever it can't read comes back as one Unclassified
/// recipient with the raw report, so that nothing is lost (R8).
/// </summary>
public static partial class DsnParser
{
    public static BounceReport Parse(byte[] raw)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return Unclassified(raw, null, "not a MIME message");
        }
        try
        {
            return Parse(message, raw);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException
                                       or ParseException or DecoderFallbackException)
        {
            return Unclassified(raw, message, "unreadable report");
        }
    }

    private static BounceReport Parse(MimeMessage message, byte[] raw)
    {
        var report = FindReport(message.Body);
        if (report is null)
        {
            return Unclassified(raw, message, "not a multipart/report");
        }
        var original = ReturnedHeaders(report);
        var originalMessageId = Clean(original?[HeaderId.MessageId])?.Trim('<', '>');
        return report.ReportType?.Trim().ToLowerInvariant() switch
        {
            "delivery-status" or "global-delivery-status" => ParseDeliveryStatus(report, message, raw, originalMessageId),
            "feedback-report" => ParseFeedback(report, message, raw, original, originalMessageId),
            _ => Unclassified(raw, message, "an unknown report type"),
        };
    }

    private static BounceReport ParseDeliveryStatus(MultipartReport report, MimeMessage message, byte[] raw,
        string? originalMessageId)
    {
        var groups = StatusGroups(report);
        if (groups is null || groups.Count == 0)
        {
            return Unclassified(raw, message, "no delivery-status part", originalMessageId);
        }
        var perMessage = groups[0];
        var envelopeId = Clean(perMessage["Original-Envelope-Id"]);
        var reportingMta = AfterType(perMessage["Reporting-MTA"]);
        var recipientGroups = groups.Skip(1)
            .Where(g => g.Contains("Final-Recipient") || g.Contains("Action") || g.Contains("Original-Recipient"))
            .ToList();
        if (recipientGroups.Count == 0)
        {
            return Unclassified(raw, message, "no recipient fields", originalMessageId, envelopeId, reportingMta);
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
            var final = Address(group["Final-Recipient"]);
            var originalRecipient = Address(group["Original-Recipient"]);
            var recipient = final ?? originalRecipient;
            recipients.Add(new BounceRecipient(
                recipient is null ? BounceKind.Unclassified : kind.Value,
                recipient,
                originalRecipient,
                action,
                BounceClassifier.EnhancedStatus(status) ?? Truncate(status, 32),
                Truncate(diagnostic, 1000),
                Truncate(AfterType(group["Remote-MTA"]), 255)));
        }
        return Report(raw, message, recipients, originalMessageId, envelopeId, reportingMta, problem: null);
    }

    private static BounceReport ParseFeedback(MultipartReport report, MimeMessage message, byte[] raw,
        HeaderList? original, string? originalMessageId)
    {
        var fields = FeedbackFields(report);
        if (fields is null)
        {
            return Unclassified(raw, message, "no feedback-report part", originalMessageId);
        }
        var feedbackType = Clean(fields["Feedback-Type"])?.ToLowerInvariant();
        var recipient = Address(fields["Original-Rcpt-To"]) ?? FirstAddress(original?[HeaderId.To]);
        var envelopeId = Clean(fields["Original-Envelope-Id"]);
        var reportingMta = AfterType(fields["Reporting-MTA"]);
        var isComplaint = feedbackType is "abuse" or "fraud";
        var kind = isComplaint && recipient is not null ? BounceKind.Complaint : BounceKind.Unclassified;
        BounceRecipient[] recipients = [new(kind, recipient, FeedbackType: Truncate(feedbackType, 32))];
        var problem = kind == BounceKind.Complaint ? null
            : isComplaint ? "a complaint without a recipient" : "a feedback type that is not a complaint";
        return Report(raw, message, recipients, originalMessageId, envelopeId, reportingMta, problem);
    }

    private static MultipartReport? FindReport(MimeEntity? entity) => entity switch
    {
        MultipartReport report => report,
        Multipart multipart => multipart.Select(FindReport).FirstOrDefault(r => r is not null),
        _ => null,
    };

    private static List<HeaderList>? StatusGroups(MultipartReport report)
    {
        foreach (var part in report)
        {
            if (part is MessageDeliveryStatus status)
            {
                return status.StatusGroups.ToList();
            }
            if (part is MimePart mime && mime.ContentType.MimeType.ToLowerInvariant() is
                    "message/delivery-status" or "message/global-delivery-status")
            {
                return FieldGroups(DecodedText(mime));
            }
        }
        return null;
    }

    private static HeaderList? FeedbackFields(MultipartReport report)
    {
        foreach (var part in report)
        {
            if (part is MessageFeedbackReport feedback)
            {
                return feedback.Fields;
            }
            if (part is MimePart mime && mime.ContentType.IsMimeType("message", "feedback-report"))
            {
                return FieldGroups(DecodedText(mime)).FirstOrDefault();
            }
        }
        return null;
    }

    /// <summary>The headers of the returned original: a text/rfc822-headers part, or the whole message/rfc822.</summary>
    private static HeaderList? ReturnedHeaders(MultipartReport report)
    {
        foreach (var part in report.Skip(1))
        {
            switch (part)
            {
                case MessagePart { Message: { } returned }:
                    return returned.Headers;
                case MimePart mime when mime.ContentType.MimeType.ToLowerInvariant() is
                        "text/rfc822-headers" or "message/global-headers":
                    return FieldGroups(DecodedText(mime)).FirstOrDefault();
            }
        }
        return null;
    }

    /// <summary>Field groups separated by blank lines, for parts MimeKit leaves as plain content (UTF-8 allowed).</summary>
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
        return value.Contains('@') && value.Length <= 254 && !value.Any(char.IsWhiteSpace)
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
            reportingMta, problem);

    private static BounceReport Report(byte[] raw, MimeMessage? message, IReadOnlyList<BounceRecipient> recipients,
        string? originalMessageId, string? envelopeId, string? reportingMta, string? problem) => new()
    {
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
