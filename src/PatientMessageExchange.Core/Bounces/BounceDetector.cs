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

    public static bool IsBounce(MimeMessage message) => IsReport(message) || LooksLikeDaemonBounce(message);

    public static bool IsReport(MimeMessage message) =>
        message.Body is MultipartReport report && report.ReportType is { } type && ReportTypes.Contains(type.Trim());

    /// <summary>A bounce that is not a proper DSN; it goes to the unclassified list with its raw text.</summary>
    public static bool LooksLikeDaemonBounce(MimeMessage message)
    {
        var fromDaemon = message.From.Mailboxes.Concat(message.Sender is null ? [] : [message.Sender])
            .Any(m => m.LocalPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
                      || m.LocalPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase));
        return fromDaemon && BounceSubject().IsMatch(message.Subject ?? "");
    }

    [GeneratedRegex(@"undeliver|undelivered|delivery status notification|mail delivery (failed|failure|system)|delivery failure|returned mail|failure notice|non-?delivery",
        RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();
}
