
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

    /// <summary>
    /// The warning the composer and the template editor show when a text runs past one segment, e.g. "This text is 2 SMS
    /// segments; characters such as ’ or é force the longer encoding." Null for a one-segment text.
    /// </summary>
    public static string? Warning(int segments, IReadOnlyList<string> nonGsmCharacters)
    {
        if (segments <= 1)
        {
            return null;
        }
        var warning = $"This text is {segments} SMS segments";
        return nonGsmCharacters.Count == 0
            ? warning + "."
            : $"{warning}; characters such as {string.Join(" or ", nonGsmCharacters.Take(3))} force the longer encoding (70 characters per message instead of 160).";
    }

    public string? Warning() => Warning(Count.Segments, NonGsmCharacters);

    public static string Describe(string character) =>
        string.Join(" ", character.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
}
