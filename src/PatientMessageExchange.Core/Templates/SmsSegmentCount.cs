namespace PatientMessageExchange.Core.Templates;

/// <summary>How a text is carried: its encoding, its length in that encoding's units, and the parts it is split into.</summary>
public readonly record struct SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments)
{
    public int UnitsPerSegment => Segments <= 1
        ? (Encoding == SmsEncoding.Gsm7 ? SmsSegmenter.GsmSingle : SmsSegmenter.UcsSingle)
        : (Encoding == SmsEncoding.Gsm7 ? SmsSegmenter.GsmMulti : SmsSegmenter.UcsMulti);
}
