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
    public void Empty_text_is_one_segment()
    {
        var count = SmsSegmenter.Count("");

        Assert.Equal((SmsEncoding.Gsm7, 0, 1), (count.Encoding, count.Units, count.Segments));
    }

    // Vectors worked out by hand from the carriers' published rules (Twilio's segment calculator): GSM-7 parts of 153
    // septets, an extension character (two septets) never split across parts; UCS-2 parts of 67 UTF-16 units, a
    // surrogate pair or grapheme cluster never split. "Division" is what ceil(length / part size) would have said.

    [Theory]
    // 152 + € straddles 153: the € moves whole to part 2, which then overflows by one septet (division: 2).
    [InlineData(152, '€', 152, 306, 3)]
    [InlineData(152, '^', 152, 306, 3)]
    [InlineData(152, '{', 152, 306, 3)]
    [InlineData(152, '}', 152, 306, 3)]
    [InlineData(152, '[', 152, 306, 3)]
    [InlineData(152, ']', 152, 306, 3)]
    [InlineData(152, '~', 152, 306, 3)]
    [InlineData(152, '|', 152, 306, 3)]
    [InlineData(152, '\\', 152, 306, 3)]
    // 151 + € ends part 1 exactly at 153: nothing moves.
    [InlineData(151, '€', 153, 306, 2)]
    // 153 + € starts part 2: nothing moves.
    [InlineData(153, '€', 151, 306, 2)]
    // A straddle with room to spare in the next part costs nothing extra.
    [InlineData(152, '€', 10, 164, 2)]
    public void A_GSM_extension_character_never_straddles_a_part(int before, char extension, int after, int septets, int segments)
    {
        var text = new string('a', before) + extension + new string('b', after);

        var count = SmsSegmenter.Count(text);

        Assert.Equal((SmsEncoding.Gsm7, septets, segments), (count.Encoding, count.Units, count.Segments));
    }

    [Fact]
    public void A_second_straddle_in_a_later_part_adds_another_part()
    {
        // Part 1: 152 a (€ moves). Part 2: € + 151 b = 153. Part 3: 152 b (€ moves). Part 4: € + 1 c. 460 septets;
        // division would say ceil(460 / 153) = 4 as well, so the next case pushes it over.
        var text = new string('a', 152) + "€" + new string('b', 151) + new string('b', 152) + "€" + "c";
        Assert.Equal(4, SmsSegmenter.Count(text).Segments);

        // With 153 c at the end: 612 septets, which division puts in 4 parts; packed, part 4 holds € + 151 c and the
        // last two c (the two septets lost at the ends of parts 1 and 3) need a fifth.
        var full = new string('a', 152) + "€" + new string('b', 151) + new string('b', 152) + "€" + new string('c', 153);
        Assert.Equal(612, SmsSegmenter.Count(full).Units);
        Assert.Equal(5, SmsSegmenter.Count(full).Segments);
    }

    [Fact]
    public void An_extension_character_that_fits_a_single_message_is_not_split()
    {
        Assert.Equal(1, SmsSegmenter.Count(new string('a', 152) + "€").Segments); // 154 septets ≤ 160
        Assert.Equal(1, SmsSegmenter.Count(new string('a', 158) + "€").Segments); // 160
        Assert.Equal(2, SmsSegmenter.Count(new string('a', 159) + "€").Segments); // 161: parts of 153 and 8
    }

    [Fact]
    public void An_emoji_straddling_the_67_unit_boundary_moves_whole_to_the_next_part()
    {
        // ’ + 65 a = 66 units; 😀 is a surrogate pair (2 units) and would straddle 67, so part 1 closes at 66.
        // Part 2: 😀 + 65 a = 67. Part 3: the last a. 134 units: division says 2.
        var text = "’" + new string('a', 65) + "😀" + new string('a', 66);

        var count = SmsSegmenter.Count(text);

        Assert.Equal((SmsEncoding.Ucs2, 134, 3), (count.Encoding, count.Units, count.Segments));
    }

    [Fact]
    public void An_emoji_that_ends_a_part_exactly_moves_nothing()
    {
        // ’ + 64 a + 😀 = 67 units exactly; part 2 holds the other 67.
        var text = "’" + new string('a', 64) + "😀" + new string('a', 67);

        Assert.Equal((134, 2), (SmsSegmenter.Count(text).Units, SmsSegmenter.Count(text).Segments));
    }

    [Theory]
    // A ZWJ family (man, woman, girl, boy joined by three ZWJs: 11 units) at 61 units does not fit in the 6 left.
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 60, 62, 3)]
    // A flag (two regional indicators, 4 units) at 65 units does not fit in the 2 left.
    [InlineData("\U0001F1FA\U0001F1F8", 64, 65, 3)]
    // A thumbs-up with a skin tone (4 units) likewise.
    [InlineData("\U0001F44D\U0001F3FD", 64, 65, 3)]
    // An e with a combining acute accent (2 units) at 66 units does not fit in the 1 left.
    [InlineData("e\u0301", 65, 66, 3)]
    public void A_grapheme_cluster_at_the_boundary_is_never_split(string cluster, int before, int after, int segments)
    {
        // ’ + before a, then the cluster, then after a: 134 units in all, which division puts in 2 parts.
        var text = "’" + new string('a', before) + cluster + new string('a', after);

        var count = SmsSegmenter.Count(text);

        Assert.Equal(134, count.Units);
        Assert.Equal((SmsEncoding.Ucs2, segments), (count.Encoding, count.Segments));
    }

    [Fact]
    public void Emoji_fitting_one_message_stay_one_segment()
    {
        var text = "’" + new string('a', 65) + "😀" + "a"; // 69 units

        Assert.Equal(1, SmsSegmenter.Count(text).Segments);
    }

    [Fact]
    public void A_cluster_longer_than_a_part_breaks_between_code_points_not_inside_a_surrogate_pair()
    {
        // 40 thumbs-up emoji joined by ZWJ are one grapheme cluster of 40 * 2 + 39 = 119 units. It can't fit a part,
        // so it breaks between code points: part 1 takes ’ + 22 (👍 ZWJ) pairs = 67 … and so on; never half an emoji.
        var cluster = string.Join("\u200D", Enumerable.Repeat("👍", 40));
        var text = "’" + cluster;

        var count = SmsSegmenter.Count(text);

        Assert.Equal(120, count.Units);
        Assert.Equal(2, count.Segments);
    }
}
