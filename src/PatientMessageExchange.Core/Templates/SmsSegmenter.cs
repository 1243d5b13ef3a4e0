using System.Globalization;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Counts SMS segments the way carriers split them. GSM-7 carries 160 septets in one message, or 153 per part when
/// concatenated; a character from the GSM extension table takes two septets (an escape and the character) and is never
/// split across parts, so one that would straddle a part's end moves whole to the next part. Any character outside
/// GSM-7 (an emoji, a curly quote, "á") switches the whole message to UCS-2: 70 UTF-16 units in one message, or 67 per
/// part; a surrogate pair and a grapheme cluster (a ZWJ family, a flag, a skin tone) are never split either, unless one
/// cluster alone is longer than a part, which then breaks between its code points. An empty text is still one message.
/// </summary>
/// <remarks>
/// The parts are filled greedily, character by character (GSM-7) or cluster by cluster (UCS-2), which is what makes the
/// count differ from dividing the length by the part size: the space a moved character leaves at the end of a part is
/// lost.
/// </remarks>
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
                return Ucs2(text);
            }
        }
        var segments = septets <= GsmSingle ? 1 : PackGsm(text);
        return new SmsSegmentCount(SmsEncoding.Gsm7, septets, segments);
    }

    /// <summary>Whether every character of the text is in the GSM-7 basic or extension table.</summary>
    public static bool IsGsm7(char c) => BasicSet.Contains(c) || ExtensionSet.Contains(c);

    /// <summary>The first characters that force UCS-2, so the composer can say what to replace.</summary>
    public static IReadOnlyList<char> NonGsmCharacters(string text) =>
        text.Where(c => !IsGsm7(c)).Distinct().Take(10).ToList();

    private static int PackGsm(string text)
    {
        var segments = 1;
        var used = 0;
        foreach (var c in text)
        {
            var size = ExtensionSet.Contains(c) ? 2 : 1;
            if (used + size > GsmMulti)
            {
                segments++;
                used = 0;
            }
            used += size;
        }
        return segments;
    }

    private static SmsSegmentCount Ucs2(string text)
    {
        var segments = text.Length <= UcsSingle ? 1 : PackUcs2(text);
        return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, segments);
    }

    private static int PackUcs2(string text)
    {
        var segments = 1;
        var used = 0;
        var clusters = StringInfo.GetTextElementEnumerator(text);
        while (clusters.MoveNext())
        {
            var cluster = clusters.GetTextElement();
            if (cluster.Length <= UcsMulti)
            {
                Place(cluster.Length, ref segments, ref used);
                continue;
            }
            // A cluster longer than a whole part can't be kept together; it breaks between code points, never
            // inside a surrogate pair.
            foreach (var rune in cluster.EnumerateRunes())
            {
                Place(rune.Utf16SequenceLength, ref segments, ref used);
            }
        }
        return segments;
    }

    private static void Place(int units, ref int segments, ref int used)
    {
        if (used + units > UcsMulti)
        {
            segments++;
            used = 0;
        }
        used += units;
    }
}
