using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Exim and the servers built on it or copying its wording (mail.ru, GMX, 1&amp;1, MXLogic): "could not be delivered
/// to one or more of its recipients", then each address indented, with the remote server's reply below it.
/// </summary>
public sealed partial class EximParser : ITextBounceParser
{
    public string Family => "Exim";

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
        var entries = RecipientBlocks.Read(section, text);
        if (entries.Count == 0)
        {
            var diagnostic = RecipientBlocks.SmtpLine(section) ?? RecipientBlocks.ExplainingLine(section);
            entries = text.FailedRecipientsHeader.Select(a => new TextBounceEntry(a, diagnostic)).ToList();
        }
        return new TextBounceResult(Family, entries);
    }

    [GeneratedRegex(@"could not be delivered to one or more", RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    [GeneratedRegex(@"has not yet been delivered to one or more", RegexOptions.IgnoreCase)]
    private static partial Regex Delayed();
}
