using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// The last resort for mailer-daemon prose no other parser claims (Domino, Notes, IMail, m-FILTER, and the many
/// servers that copy one of the common layouts): the address lines of the notice, else a sentence that names the
/// recipient ("Unknown user: ann@example.org", "did not reach the following recipient: ..."), else
/// X-Failed-Recipients, else the one address in the notice that is not ours, else the one recipient of the returned
/// message. The reason is the recipient's own
/// lines, else the first SMTP reply in the notice, else the first line that says why, else the subject.
/// </summary>
public sealed partial class GenericParser : ITextBounceParser
{
    public string Family => "Other";

    public TextBounceResult? Parse(BounceText text)
    {
        var entries = RecipientBlocks.Read(text.Notice, text).ToList();
        if (entries.Count == 0)
        {
            entries = Sentences(text).DistinctBy(e => e.Recipient).ToList();
        }
        if (entries.Count == 0)
        {
            entries = text.FailedRecipientsHeader.Select(a => new TextBounceEntry(a, null)).ToList();
        }
        if (entries.Count == 0 && BounceText.Addresses(text.Notice).Where(a => !text.IsOwn(a)).ToList() is [var only])
        {
            entries.Add(new TextBounceEntry(only, null));
        }
        if (entries.Count == 0 && text.Original?[MimeKit.HeaderId.To] is { } to && BounceText.Addresses(to).ToList() is [var addressee])
        {
            // A notice that names nobody, returning a message that went to one address: that address failed.
            entries.Add(new TextBounceEntry(addressee, null));
        }
        if (entries.Count == 0)
        {
            return null;
        }
        var fallback = RecipientBlocks.SmtpLine(text.Notice) ?? RecipientBlocks.ExplainingLine(text.Notice)
            ?? (BounceClassifier.Explains(text.Subject) ? RecipientBlocks.Diagnostic([text.Subject]) : null);
        return new TextBounceResult(Family, entries
            .Select(e => e.Diagnostic is not null && (BounceClassifier.Explains(e.Diagnostic) || BounceClassifier.EnhancedStatusIn(e.Diagnostic) is not null || fallback is null)
                ? e
                : e with { Diagnostic = RecipientBlocks.Diagnostic([e.Diagnostic ?? "", fallback ?? ""]) })
            .ToList());
    }

    private static IEnumerable<TextBounceEntry> Sentences(BounceText text)
    {
        foreach (Match match in Sentence().Matches(text.Notice))
        {
            if (BounceText.Address(match.Groups["a"].Value) is { } address && !text.IsOwn(address))
            {
                yield return new TextBounceEntry(address, RecipientBlocks.Diagnostic([match.Groups["why"].Value, match.Groups["more"].Value]));
            }
        }
    }

    [GeneratedRegex(@"^\s*(?<why>[^\n:]*[ \t][^\n:]*?)\s*:\s*<?(?<a>[^\s<>:]+@[^\s<>]+?)>?(?:[.,;]?\s*$|[.,;]\s+(?<more>[^\n]*))", RegexOptions.Multiline)]
    private static partial Regex Sentence();
}
