namespace PatientMessageExchange.Core.Templates;

/// <summary>A rendered text message with what it costs to carry: encoding, segments, and what forced UCS-2.</summary>
public sealed record SmsPreview(string Text, SmsSegmentCount Count, IReadOnlyList<char> NonGsmCharacters)
{
    public static SmsPreview Of(string text) => new(text, SmsSegmenter.Count(text), SmsSegmenter.NonGsmCharacters(text));
}
