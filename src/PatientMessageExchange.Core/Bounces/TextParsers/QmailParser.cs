using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// qmail-send and its descendants: "I'm afraid I wasn't able to deliver your message to the following addresses",
/// then "&lt;address&gt;:" and the remote host's words, often ending in a qmail status such as "(#5.1.1)".
/// </summary>
public sealed partial class QmailParser : ITextBounceParser
{
    public string Family => "qmail";

    public TextBounceResult? Parse(BounceText text)
    {
        var section = text.After(Start());
        return section is null ? null : new TextBounceResult(Family, RecipientBlocks.Read(section, text));
    }

    [GeneratedRegex(@"(wasn't|was not) able to deliver your message to the following address|This is the qmail-send program", RegexOptions.IgnoreCase)]
    private static partial Regex Start();
}
