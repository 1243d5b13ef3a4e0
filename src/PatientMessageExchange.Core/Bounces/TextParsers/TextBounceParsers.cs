namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// The text-bounce parsers in the order they are tried: the families with a distinctive sentence first, the
/// catch-all last. The first that recognises the notice and names a recipient wins; a family that recognises it but
/// names nobody gives way to the next, and a delay warning ends the search with no bounce.
/// </summary>
public static class TextBounceParsers
{
    public static readonly IReadOnlyList<ITextBounceParser> All =
    [
        new GoogleGroupsParser(),
        new GmailParser(),
        new DragonFlyParser(),
        new Exchange2003Parser(),
        new ExchangeOnlineParser(),
        new QmailParser(),
        new YahooParser(),
        new EximParser(),
        new SendmailParser(),
        new PostfixParser(),
        new OpenSmtpdParser(),
        new GenericParser(),
    ];

    public static TextBounceResult? Parse(BounceText text)
    {
        foreach (var parser in All)
        {
            var result = parser.Parse(text);
            if (result is { DelayOnly: true } or { Entries.Count: > 0 })
            {
                return result;
            }
        }
        return null;
    }
}
