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

    [GeneratedRegex(@"^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s+\d{1,2}:\d{2}(:\d{2})?\s*([AP]M)?", RegexOptions.IgnoreCase)]
    private static partial Regex SentDate();
}
