using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Gmail's notices before it sent DSNs: "Delivery to the following recipient failed permanently:", the address
/// indented, and the remote reply under "The error that the other server returned was:" or the technical details.
/// </summary>
public sealed partial class GmailParser : ITextBounceParser
{
    public string Family => "Gmail";

    public TextBounceResult? Parse(BounceText text)
    {
        if (Delayed().IsMatch(text.Notice))
        {
            return TextBounceResult.Delay(Family);
        }
        var section = text.After(Start());
        if (section is null)
        {
            return null;
        }
        var details = text.After(Details()) ?? "";
        var reply = RecipientBlocks.SmtpLine(details) ?? RecipientBlocks.FirstParagraph(details);
        var entries = RecipientBlocks.Read(Recipients(section), text)
            .Select(e => e with { Diagnostic = reply ?? e.Diagnostic })
            .ToList();
        return new TextBounceResult(Family, entries);
    }

    /// <summary>The recipient list: up to the technical details, so that addresses quoted in them are not taken.</summary>
    private static string Recipients(string section)
    {
        var end = Details().Match(section);
        return end.Success ? section[..end.Index] : section;
    }

    [GeneratedRegex(@"Delivery to the following recipients? failed", RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    [GeneratedRegex(@"Delivery to the following recipients? has been delayed|Delivery to these recipients or groups is delayed", RegexOptions.IgnoreCase)]
    private static partial Regex Delayed();

    [GeneratedRegex(@"^\s*(The error that the other server returned was:|Technical details of (permanent|temporary) failure:)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Details();
}
