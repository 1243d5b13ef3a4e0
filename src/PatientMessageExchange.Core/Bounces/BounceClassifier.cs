using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// The classification table (R9): 5.x.x is hard and 4.x.x soft; delayed, delivered, relayed and expanded are not
/// bounces at all. Without a status the Diagnostic-Code's SMTP reply decides; without either, a person does.
/// </summary>
public static partial class BounceClassifier
{
    private static readonly HashSet<string> NotBounces = new(StringComparer.OrdinalIgnoreCase)
    {
        "delayed", "delivered", "relayed", "expanded",
    };

    /// <summary>The kind of bounce, or null when the recipient's entry is not a bounce.</summary>
    public static BounceKind? Classify(string? action, string? status, string? diagnosticCode)
    {
        var act = action?.Trim();
        if (act is not null && NotBounces.Contains(act))
        {
            return null;
        }
        var statusClass = EnhancedStatus(status)?[0];
        switch (statusClass)
        {
            case '5':
                return BounceKind.Hard;
            case '4':
                return BounceKind.Soft;
            case '2':
                // A success code on a failed entry contradicts itself; a person should look.
                return string.Equals(act, "failed", StringComparison.OrdinalIgnoreCase) ? BounceKind.Unclassified : null;
        }
        return SmtpReplyCode(diagnosticCode)?[0] switch
        {
            '5' => BounceKind.Hard,
            '4' => BounceKind.Soft,
            _ => BounceKind.Unclassified,
        };
    }

    /// <summary>The enhanced status code at the start of a Status field ("5.1.1 (bad mailbox)" gives "5.1.1").</summary>
    public static string? EnhancedStatus(string? status)
    {
        var match = Enhanced().Match(status ?? "");
        return match.Success ? match.Value : null;
    }

    /// <summary>The three-digit SMTP reply in a Diagnostic-Code ("smtp; 550 5.1.1 ..." gives "550").</summary>
    public static string? SmtpReplyCode(string? diagnosticCode)
    {
        if (string.IsNullOrWhiteSpace(diagnosticCode))
        {
            return null;
        }
        var semicolon = diagnosticCode.IndexOf(';');
        var text = semicolon >= 0 ? diagnosticCode[(semicolon + 1)..] : diagnosticCode;
        var match = Reply().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?<=^\s*)[245]\.\d{1,3}\.\d{1,3}")]
    private static partial Regex Enhanced();

    [GeneratedRegex(@"^\s*([245]\d\d)(?:[\s-]|$)")]
    private static partial Regex Reply();
}
