using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// DragonFly Mail Agent: "There was an error delivering your mail to &lt;address&gt;.", then the remote host and its
/// reply, before "Message headers follow.".
/// </summary>
public sealed partial class DragonFlyParser : ITextBounceParser
{
    public string Family => "DragonFly";

    public TextBounceResult? Parse(BounceText text)
    {
        var matches = Start().Matches(text.Notice);
        if (matches.Count == 0)
        {
            return null;
        }
        var entries = new List<TextBounceEntry>();
        for (var i = 0; i < matches.Count; i++)
        {
            var address = BounceText.Address(matches[i].Groups[1].Value);
            if (address is null)
            {
                continue;
            }
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Notice.Length;
            var after = text.Notice[(matches[i].Index + matches[i].Length)..end];
            entries.Add(new TextBounceEntry(address, RecipientBlocks.SmtpLine(after) ?? RecipientBlocks.Diagnostic(after.Split('\n'))));
        }
        return new TextBounceResult(Family, entries);
    }

    [GeneratedRegex(@"error delivering your mail to\s+<?([^\s<>]+@[^\s<>]+?)>?\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Start();
}
