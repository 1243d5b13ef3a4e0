using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Exchange 2000/2003: "Your message did not reach some or all of the intended recipients.", then
/// "The following recipient(s) could not be reached:", each "address on date" with the reason indented below.
/// </summary>
public sealed partial class Exchange2003Parser : ITextBounceParser
{
    public string Family => "Exchange 2003";

    public TextBounceResult? Parse(BounceText text)
    {
        var section = text.After(Start());
        if (section is null)
        {
            return null;
        }
        var entries = RecipientBlocks.Read(section, text)
            .Select(e => e with { Diagnostic = e.Diagnostic is null ? null : RecipientBlocks.Diagnostic([SentDate().Replace(e.Diagnostic, "")]) })
            .ToList();
        return new TextBounceResult(Family, entries);
    }

    [GeneratedRegex(@"The following recipient\(s\) could not be reached:|did not reach the following recipient\(s\):", RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    /// <summary>"on 4/29/01 11:34:45 PM" or "on Thu, 29 Apr 2007 16:51:51 -0500": when it was tried, not why it failed.</summary>
    [GeneratedRegex(@"^\s*(on\s+)?[^\n]{0,40}?\d{1,2}:\d{2}(:\d{2})?(\s*[AP]M)?(\s*[+-]\d{4})?", RegexOptions.IgnoreCase)]
    private static partial Regex SentDate();
}
