using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.UnitTests.Templates;

public class SmsSegmenterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Plain_GSM_text_uses_160_then_153_per_part(int length, int segments)
    {
        var count = SmsSegmenter.Count(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(segments, count.Segments);
    }

    [Fact]
    public void Spanish_enye_accented_e_and_inverted_question_mark_stay_GSM()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegmenter.Count("Niño Muñoz, ¿confirmé la cita?").Encoding);
    }

    [Fact]
    public void Spanish_accented_i_is_outside_GSM()
    {
        var count = SmsSegmenter.Count("Cita el día 3");

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(['í'], SmsSegmenter.NonGsmCharacters("Cita el día 3"));
    }

    [Theory]
    [InlineData("See you soon 🙂")]
    [InlineData("It’s tomorrow")]
    [InlineData("“Quoted”")]
    public void An_emoji_or_curly_quote_switches_to_UCS2(string text)
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsSegmenter.Count(text).Encoding);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void UCS2_text_uses_70_then_67_per_part(int length, int segments)
    {
        var text = "’" + new string('a', length - 1);

        var count = SmsSegmenter.Count(text);

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(length, count.Units);
        Assert.Equal(segments, count.Segments);
    }

    [Fact]
    public void Extension_characters_count_twice()
    {
        var count = SmsSegmenter.Count(new string('a', 158) + "€");

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(160, count.Units);
        Assert.Equal(1, count.Segments);
        Assert.Equal(2, SmsSegmenter.Count(new string('a', 159) + "[").Segments);
    }

    [Fact]
    public void Empty_text_has_no_segments()
    {
        Assert.Equal(0, SmsSegmenter.Count("").Segments);
    }
}
