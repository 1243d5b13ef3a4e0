using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Postfix's prose when it sends no delivery-status part: "This is the mail system at host ...", then
/// "&lt;address&gt;: host mx said: 550 ..." for each recipient.
/// </summary>
public sealed partial class PostfixParser : ITextBounceParser
{
    public string Family => "Postfix";

    public TextBounceResult? Parse(BounceText text)
    {
        var section = text.After(Start());
        return section is null ? null : new TextBounceResult(Family, RecipientBlocks.Read(section, text));
    }

    [GeneratedRegex(@"This is the mail system at host|^\s*The mail system\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Start();
}
