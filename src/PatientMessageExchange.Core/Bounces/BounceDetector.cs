using System.Text.RegularExpressions;
using MimeKit;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Decides whether a message in the bounce mailbox is ours to take: a delivery-status or feedback report, or a
/// non-standard bounce from a mailer daemon. Anything else is left exactly where it is (R10).
/// </summary>
public static partial class BounceDetector
{
    private static readonly HashSet<string> ReportTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "delivery-status", "global-delivery-status", "feedback-report",
    };

    /// <summary>For a parsed message, whose Content-Type MimeKit keeps on its body rather than in its headers.</summary>
    public static bool IsBounce(MimeMessage message) =>
        IsReport(message.Body?.ContentType) || LooksLikeDaemonBounce(message.Headers);

    /// <summary>Decides from the top-level headers alone, so the mailbox scan needn't download other mail.</summary>
    public static bool IsBounce(HeaderList headers) =>
        IsReport(ContentType.TryParse(headers[HeaderId.ContentType] ?? "", out var type) ? type : null)
        || LooksLikeDaemonBounce(headers);

    private static bool IsReport(ContentType? type) =>
        type is not null
        && type.IsMimeType("multipart", "report")
        && type.Parameters["report-type"] is { } reportType
        && ReportTypes.Contains(reportType.Trim());

    /// <summary>A bounce that is not a proper DSN; it goes to the unclassified list with its raw text.</summary>
    public static bool LooksLikeDaemonBounce(HeaderList headers)
    {
        var senders = new List<MailboxAddress>();
        foreach (var field in new[] { HeaderId.From, HeaderId.Sender })
        {
            if (headers[field] is { } value && InternetAddressList.TryParse(value, out var list))
            {
                senders.AddRange(list.Mailboxes);
            }
        }
        var fromDaemon = senders.Any(m => m.LocalPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
                                          || m.LocalPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase));
        return fromDaemon && BounceSubject().IsMatch(headers[HeaderId.Subject] ?? "");
    }

    [GeneratedRegex(@"undeliver|undelivered|delivery status notification|mail delivery (failed|failure|system)|delivery failure|returned mail|failure notice|non-?delivery",
        RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();
}
