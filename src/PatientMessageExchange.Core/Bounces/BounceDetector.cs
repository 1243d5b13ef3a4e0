using System.Text.RegularExpressions;
using MimeKit;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Decides whether a message in the bounce mailbox is ours to take. A bounce is a delivery-status or feedback report;
/// an Amazon SES notification; a message from a mailer daemon (mailer-daemon, postmaster, "Mail Delivery System",
/// an empty address) that is automatic or reads like a bounce; or automatic mail (Auto-Submitted, X-Failed-Recipients,
/// an empty Return-Path) whose subject reads like one. A vacation reply (RFC 3834) is automatic but comes from a
/// person and says nothing of delivery, so it is left; so is anything else (R10). A message a person forwarded is
/// taken only when what it carries is a bounce, which needs the body (<see cref="IsBounce(MimeMessage)"/>).
/// </summary>
public static partial class BounceDetector
{
    private static readonly HashSet<string> ReportTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "delivery-status", "global-delivery-status", "feedback-report",
    };

    /// <summary>The whole message: the header rules, else a forwarded bounce or a status part inside it.</summary>
    public static bool IsBounce(MimeMessage message) => IsBounce(message, depth: 0);

    /// <summary>Decides from the top-level headers alone, so the mailbox scan needn't download other mail.</summary>
    public static bool IsBounce(HeaderList headers)
    {
        var type = ContentType.TryParse(headers[HeaderId.ContentType] ?? "", out var parsed) ? parsed : null;
        if (IsReport(type) || IsSesNotification(headers))
        {
            return true;
        }
        if (IsVacationReply(headers))
        {
            return false;
        }
        var subject = headers[HeaderId.Subject] ?? "";
        var daemon = FromDaemon(headers);
        var automatic = IsAutomatic(headers);
        return (daemon && (automatic || BounceSubject().IsMatch(subject)))
               || (automatic && BounceSubject().IsMatch(subject))
               || headers.Contains("X-Failed-Recipients");
    }

    /// <summary>
    /// Worth downloading to decide: what <see cref="IsBounce(HeaderList)"/> takes, and mail from a daemon, automatic
    /// mail, or mail whose subject reads like a bounce or a complaint, which only the body can confirm.
    /// </summary>
    public static bool IsCandidate(HeaderList headers) =>
        IsBounce(headers)
        || (!IsVacationReply(headers) && (FromDaemon(headers) || IsAutomatic(headers) || BounceSubject().IsMatch(headers[HeaderId.Subject] ?? "")));

    private static bool IsBounce(MimeMessage message, int depth)
    {
        if (IsReport(message.Body?.ContentType) || IsBounce(message.Headers))
        {
            return true;
        }
        if (depth >= 2 || IsVacationReply(message.Headers))
        {
            return false;
        }
        // A status or feedback part inside multipart/mixed (OpenSMTPD); a bounce a person forwarded; Outlook.com's
        // feedback loop, which attaches the message with its recipient in X-HmXmrOriginalRecipient.
        var attached = message.Body is Multipart multipart ? multipart.OfType<MessagePart>().Select(p => p.Message).OfType<MimeMessage>().ToList() : [];
        if (HasReportPart(message.Body)
            || attached.Any(inner => inner.Headers.Contains("X-HmXmrOriginalRecipient") || IsBounce(inner, depth + 1)))
        {
            return true;
        }
        // Automatic mail or mail from a daemon whose words name a failed recipient and why (a Japanese subject, "Mail").
        return (FromDaemon(message.Headers) || IsAutomatic(message.Headers)) && DsnParser.NamesFailedRecipient(message);
    }

    private static bool HasReportPart(MimeEntity? entity) => entity switch
    {
        Multipart multipart => multipart.Any(HasReportPart),
        MimePart part => part.ContentType.MimeType.ToLowerInvariant() is "message/delivery-status"
            or "message/global-delivery-status" or "message/feedback-report",
        _ => false,
    };

    /// <summary>A multipart/report of a bounce type, or one that leaves its type out; read receipts are not ours.</summary>
    private static bool IsReport(ContentType? type) =>
        type is not null
        && type.IsMimeType("multipart", "report")
        && (type.Parameters["report-type"] is not { } reportType || ReportTypes.Contains(reportType.Trim()));

    private static bool IsSesNotification(HeaderList headers) =>
        Senders(headers).Any(m => m.Domain.EndsWith("sns.amazonaws.com", StringComparison.OrdinalIgnoreCase))
        && (headers[HeaderId.Subject] ?? "").Contains("Notification", StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 3834 auto-replies that are not about delivery: "Out of office", "Auto reply", "Away until".</summary>
    private static bool IsVacationReply(HeaderList headers) =>
        !FromDaemon(headers) && VacationSubject().IsMatch(headers[HeaderId.Subject] ?? "");

    private static bool IsAutomatic(HeaderList headers) =>
        (headers["Auto-Submitted"] is { } auto && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        || headers[HeaderId.ReturnPath]?.Trim() == "<>";

    private static bool FromDaemon(HeaderList headers)
    {
        foreach (var field in new[] { HeaderId.From, HeaderId.Sender })
        {
            if (headers[field] is not { } value)
            {
                continue;
            }
            if (EmptyAddress().IsMatch(value) || DaemonName().IsMatch(value))
            {
                return true;
            }
        }
        return Senders(headers).Any(m => DaemonLocalPart().IsMatch(m.LocalPart));
    }

    private static IEnumerable<MailboxAddress> Senders(HeaderList headers)
    {
        foreach (var field in new[] { HeaderId.From, HeaderId.Sender })
        {
            if (headers[field] is { } value && InternetAddressList.TryParse(value, out var list))
            {
                foreach (var mailbox in list.Mailboxes)
                {
                    yield return mailbox;
                }
            }
        }
    }

    [GeneratedRegex(@"^(mailer-?daemon|postmaster|mail-?daemon|mailerdaemon|mail\.delivery\.system|mdaemon)$", RegexOptions.IgnoreCase)]
    private static partial Regex DaemonLocalPart();

    /// <summary>"MAILER-DAEMON &lt;&gt;", a bare "&lt;&gt;", or a bare "mailer-daemon" without a domain.</summary>
    [GeneratedRegex(@"^\s*(""?[^""<]*""?\s*)?<\s*>\s*$|^\s*mailer-daemon\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EmptyAddress();

    [GeneratedRegex(@"^\s*""?(Mail Delivery (System|Subsystem|Service)|Mail(er)?[ -]Daemon|Mail Administrator|Internet Mail Delivery|MMSC NDR Administrator)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DaemonName();

    [GeneratedRegex(@"undeliver|undelivered|delivery status|status notification|delivery notification|mail delivery (failed|failure|system)|delivery (failure|failed|error|problem|report)|failure (notice|delivery)|failed delivery|returned mail|returning message|non-?delivery|not (be )?delivered|could not be delivered|couldn't be delivered|mail system error|delayed mail|delivery has failed|message delivery|non remis|rejected|complaint about message|mail failed|returning to sender",
        RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"^\s*(auto(matic)?[- ]?(reply|response|antwort)|out of (the )?office|away (until|from)|on vacation|vacation|abwesen|absence|autoreply|r[ée]ponse automatique)", RegexOptions.IgnoreCase)]
    private static partial Regex VacationSubject();
}
