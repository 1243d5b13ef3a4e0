using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.UnitTests.Templates;

public class SmsSmartEncodingTests
{
    [Fact]
    public void Curly_quotes_and_dashes_become_plain_and_the_text_returns_to_GSM7()
    {
        const string text = "It’s “Dr. Ruiz” – 9:30…";

        var plain = SmsSmartEncoding.Apply(text);

        Assert.Equal("It's \"Dr. Ruiz\" - 9:30...", plain);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegmenter.Count(text).Encoding);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegmenter.Count(plain).Encoding);
    }

    [Fact]
    public void Letters_and_emoji_are_left_alone()
    {
        const string text = "Cita el día 3 👨‍👩‍👧";

        Assert.False(SmsSmartEncoding.CanImprove(text));
        Assert.Equal(text, SmsSmartEncoding.Apply(text));
    }

    [Fact]
    public void A_two_segment_text_becomes_one_once_its_quotes_are_plain()
    {
        var text = "Don’t forget " + new string('a', 60); // 73 UCS-2 units: 2 segments

        Assert.Equal(2, SmsSegmenter.Count(text).Segments);
        Assert.Equal(1, SmsSegmenter.Count(SmsSmartEncoding.Apply(text)).Segments);
    }
}
