namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Counts SMS segments the way carriers bill them. GSM-7 carries 160 characters in one message, or 153 per part when
/// concatenated; characters from the GSM extension table take two. Any character outside GSM-7 (an emoji, a curly
/// quote, "á") switches the whole message to UCS-2: 70 UTF-16 units, or 67 per part.
/// </summary>
public static class SmsSegmenter
{
    public const int GsmSingle = 160;
    public const int GsmMulti = 153;
    public const int UcsSingle = 70;
    public const int UcsMulti = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static SmsSegmentCount Count(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (BasicSet.Contains(c))
            {
                septets++;
            }
            else if (ExtensionSet.Contains(c))
            {
                septets += 2;
            }
            else
            {
                return Ucs2(text.Length);
            }
        }
        var segments = septets == 0 ? 0 : septets <= GsmSingle ? 1 : (septets + GsmMulti - 1) / GsmMulti;
        return new SmsSegmentCount(SmsEncoding.Gsm7, septets, segments);
    }

    /// <summary>The first characters that force UCS-2, so the composer can say what to replace.</summary>
    public static IReadOnlyList<char> NonGsmCharacters(string text) =>
        text.Where(c => !BasicSet.Contains(c) && !ExtensionSet.Contains(c)).Distinct().Take(10).ToList();

    private static SmsSegmentCount Ucs2(int units)
    {
        var segments = units == 0 ? 0 : units <= UcsSingle ? 1 : (units + UcsMulti - 1) / UcsMulti;
        return new SmsSegmentCount(SmsEncoding.Ucs2, units, segments);
    }
}
