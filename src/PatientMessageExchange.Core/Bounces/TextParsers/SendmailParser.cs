using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Sendmail's prose (also version 5 and the servers that copy it): "----- The following addresses had permanent fatal
/// errors -----" with each address, and the "Transcript of session follows" lines "550 &lt;address&gt;... reason".
/// </summary>
public sealed partial class SendmailParser : ITextBounceParser
{
    public string Family => "Sendmail";

    public TextBounceResult? Parse(BounceText text)
    {
        var fatal = text.After(Fatal());
        var transcript = text.After(Transcript());
        if (fatal is null && transcript is null)
        {
            return null;
        }
        var replies = new Dictionary<string, string>();
        foreach (Match line in TranscriptLine().Matches(transcript ?? ""))
        {
            if (BounceText.Address(line.Groups["a"].Value) is { } address)
            {
                replies.TryAdd(address, RecipientBlocks.Diagnostic([line.Groups["reply"].Value + line.Groups["text"].Value])!);
            }
        }
        var listed = fatal is null ? [] : RecipientBlocks.Read(UpTo(fatal, Transcript()), text);
        var entries = listed.Count > 0
            ? listed.Select(e => e with { Diagnostic = replies.GetValueOrDefault(e.Recipient) ?? e.Diagnostic ?? RecipientBlocks.SmtpLine(transcript ?? "") }).ToList()
            : replies.Select(r => new TextBounceEntry(r.Key, r.Value)).ToList();
        return new TextBounceResult(Family, entries);
    }

    private static string UpTo(string text, Regex end)
    {
        var match = end.Match(text);
        return match.Success ? text[..match.Index] : text;
    }

    [GeneratedRegex(@"-+ ?The following addresses had (permanent fatal|delivery) errors ?-+", RegexOptions.IgnoreCase)]
    private static partial Regex Fatal();

    [GeneratedRegex(@"-+ ?Transcript of session follows ?-+", RegexOptions.IgnoreCase)]
    private static partial Regex Transcript();

    [GeneratedRegex(@"^(?<reply>\d{3}[ -](?:\d\.\d{1,3}\.\d{1,3} )?)?<?(?<a>[^\s<>]+@[^\s<>]+?)>?\.\.\.\s*(?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex TranscriptLine();
}
