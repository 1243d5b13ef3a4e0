using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>Yahoo: "Sorry, we were unable to deliver your message to the following address.", then "&lt;address&gt;:" and "Remote host said: ...".</summary>
public sealed partial class YahooParser : ITextBounceParser
{
    public string Family => "Yahoo";

    public TextBounceResult? Parse(BounceText text)
    {
        var section = text.After(Start());
        return section is null ? null : new TextBounceResult(Family, RecipientBlocks.Read(section, text));
    }

    [GeneratedRegex(@"we were unable to deliver your message to the following address", RegexOptions.IgnoreCase)]
    private static partial Regex Start();
}
