using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// What the estimate says about a campaign's texts: how many, their SMS segments and encoding, the longest one, the
/// characters that forced the longer encoding (UCS-2), whether replacing curly quotes and dashes would help, and how the
/// practice prices them.
/// </summary>
public sealed record TextEstimate(
    int Messages,
    int Segments,
    int MaxSegments,
    int Ucs2Messages,
    IReadOnlyList<string> NonGsmCharacters,
    bool SmartEncodingHelps,
    bool PerSegmentPricing)
{
    public SmsEncoding Encoding => Ucs2Messages > 0 ? SmsEncoding.Ucs2 : SmsEncoding.Gsm7;

    /// <summary>What the longest text costs under the practice's pricing.</summary>
    public int CreditsOfLongest => CreditRates.Text(MaxSegments, PerSegmentPricing);

    /// <summary>The warning for the longest text, or null when every text fits one segment.</summary>
    public string? Warning => SmsPreview.Warning(MaxSegments, NonGsmCharacters);

    public static TextEstimate? Of(IEnumerable<string> bodies, bool perSegmentPricing)
    {
        int messages = 0, segments = 0, max = 0, ucs2 = 0;
        string? firstUcs2 = null;
        foreach (var body in bodies)
        {
            var count = SmsSegmenter.Count(body);
            messages++;
            segments += count.Segments;
            max = Math.Max(max, count.Segments);
            if (count.Encoding == SmsEncoding.Ucs2)
            {
                ucs2++;
                firstUcs2 ??= body;
            }
        }
        if (messages == 0)
        {
            return null;
        }
        var offenders = firstUcs2 is null ? [] : SmsPreview.Of(firstUcs2).NonGsmCharacters;
        return new TextEstimate(messages, segments, max, ucs2, offenders, firstUcs2 is not null && SmsSmartEncoding.CanImprove(firstUcs2),
            perSegmentPricing);
    }
}
