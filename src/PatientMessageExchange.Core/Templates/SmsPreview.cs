
namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// A rendered text message with what it costs to carry: encoding, segments, and the characters (whole, so an emoji is
/// one entry) that forced UCS-2.
/// </summary>
public sealed record SmsPreview(string Text, SmsSegmentCount Count, IReadOnlyList<string> NonGsmCharacters)
{
    public static SmsPreview Of(string text)
    {
        var offenders = text.EnumerateRunes()
            .Select(r => r.ToString())
            .Where(s => SmsSegmenter.NonGsmCharacters(s).Count > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .ToList();
        return new SmsPreview(text, SmsSegmenter.Count(text), offenders);
    }

    public static string Describe(string character) =>
        string.Join(" ", character.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
}
