using PatientMessageExchange.Core.Templates;
using Xunit.Abstractions;

namespace PatientMessageExchange.UnitTests.Templates;

public class TemplateRendererTests(ITestOutputHelper output)
{
    private const string HugeLoop = "{% for i in (1..100000000) %}x{% endfor %}";
    private const string Doubling = "{% assign s = \"x\" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}";

    private readonly TemplateRenderer _renderer = new();

    private static MergeData Data() => new MergeData()
        .Set("patient", "first_name", "Ana")
        .Set("patient", "name", "Ana Muñoz")
        .Set("appointment", "date", "Tuesday, December 1")
        .Set("appointment", "time", "9:30 AM")
        .Set("appointment", "provider", "Dr. Lee")
        .Set("practice", "name", "Maple Grove Pediatrics");

    [Fact]
    public void Known_fields_render_in_a_text_message()
    {
        var text = _renderer.Render(TemplatePart.Sms,
            "{{ patient.first_name }} has a visit with {{ appointment.provider }} on {{ appointment.date }} at {{ appointment.time }}.", Data());

        Assert.Equal("Ana has a visit with Dr. Lee on Tuesday, December 1 at 9:30 AM.", text);
    }

    [Fact]
    public void An_unknown_field_is_refused_with_its_line_and_column()
    {
        var errors = _renderer.Validate(TemplatePart.Sms, "Hello\nDear {{ patient.shoe_size }}", MergeScope.Personalized);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("patient.shoe_size", error.Message);
    }

    [Fact]
    public void The_appointment_summary_field_is_known_and_a_misspelt_one_is_still_refused()
    {
        Assert.Empty(_renderer.Validate(TemplatePart.Voice, "{{ appointment.summary }}. Press 1.", MergeScope.Personalized));

        var error = Assert.Single(_renderer.Validate(TemplatePart.Sms, "{{ appointment.sumary }}", MergeScope.Personalized));
        Assert.Contains("appointment.sumary", error.Message);
        Assert.Contains("patient-specific", Assert.Single(_renderer.Validate(TemplatePart.EmailBody, "{{ appointment.summary }}", MergeScope.Broadcast)).Message);
    }

    [Fact]
    public void A_syntax_error_is_refused_with_a_position()
    {
        var errors = _renderer.Validate(TemplatePart.EmailBody, "Hi\n{% if patient.name %}unclosed", MergeScope.Personalized);

        var error = Assert.Single(errors);
        Assert.StartsWith("The template can't be read", error.Message);
        Assert.True(error.Line >= 1);
    }

    [Fact]
    public void Patient_fields_are_refused_in_a_broadcast()
    {
        var errors = _renderer.Validate(TemplatePart.EmailBody, "Flu clinic at {{ practice.name }} for {{ patient.first_name }}", MergeScope.Broadcast);

        Assert.Contains("patient-specific", Assert.Single(errors).Message);
    }

    [Fact]
    public void Variables_defined_by_the_template_are_not_unknown_fields()
    {
        var errors = _renderer.Validate(TemplatePart.Sms,
            "{% assign who = patient.first_name %}{% for x in (1..2) %}{{ who }}{{ forloop.index }}{% endfor %}", MergeScope.Personalized);

        Assert.Empty(errors);
    }

    [Fact]
    public void Values_are_HTML_encoded_in_an_email_body_only()
    {
        var data = new MergeData().Set("patient", "first_name", "<b>Tom & Jerry</b>");

        Assert.Equal("<p>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</p>", _renderer.Render(TemplatePart.EmailBody, "<p>{{ patient.first_name }}</p>", data));
        Assert.Equal("<b>Tom & Jerry</b>", _renderer.Render(TemplatePart.Sms, "{{ patient.first_name }}", data));
    }

    [Fact]
    public void R28_template_syntax_inside_a_value_renders_literally()
    {
        var data = new MergeData().Set("patient", "first_name", "{{7*7}} @DateTime.Now {% raw %}");

        var text = _renderer.Render(TemplatePart.Sms, "Hi {{ patient.first_name }}", data);

        Assert.Equal("Hi {{7*7}} @DateTime.Now {% raw %}", text);
    }

    [Fact]
    public void R28_razor_syntax_in_a_template_is_plain_text()
    {
        Assert.Empty(_renderer.Validate(TemplatePart.Sms, "Now: @DateTime.Now", MergeScope.Personalized));
        Assert.Equal("Now: @DateTime.Now", _renderer.Render(TemplatePart.Sms, "Now: @DateTime.Now", Data()));
    }

    [Fact]
    public void R28_arithmetic_is_not_evaluated()
    {
        var errors = _renderer.Validate(TemplatePart.Sms, "{{7*7}}", MergeScope.Personalized);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_runaway_loop_is_stopped()
    {
        Assert.ThrowsAny<Exception>(() =>
            _renderer.Render(TemplatePart.Sms, "{% for i in (1..10000000) %}x{% endfor %}", Data()));
    }

    [Theory]
    [InlineData(HugeLoop, "range")]
    [InlineData(Doubling, "longer than")]
    [InlineData("{% capture c %}{% for i in (1..9000) %}{{ practice.name }}{{ practice.name }}{% endfor %}{% endcapture %}{{ c }}", "longer than")]
    [InlineData("{% assign s = \"xxxxxxxxxx\" %}{% for i in (1..14) %}{% assign s = s | append: s %}{% endfor %}{{ s | replace: \"x\", s }}", "longer than")]
    [InlineData("{% assign a = \"x,y\" | split: \",\" %}{% for i in (1..20) %}{% assign a = a | concat: a %}{% endfor %}", "list")]
    public void A_template_that_would_exhaust_memory_fails_with_its_reason_and_allocates_little(string source, string reason)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(TemplatePart.EmailBody, source, Data()));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{allocated / 1024.0 / 1024.0:0.0} MB allocated before refusing: {error.Message}");
        Assert.Contains(reason, error.Message);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes were allocated");
    }

    [Theory]
    [InlineData(HugeLoop)]
    [InlineData(Doubling)]
    public void A_template_past_a_render_limit_is_refused_when_saved(string source)
    {
        var error = Assert.Single(_renderer.Validate(TemplatePart.EmailBody, source, MergeScope.Broadcast));

        Assert.Matches("range|longer than", error.Message);
    }

    [Fact]
    public void A_part_longer_than_its_limit_is_refused_before_it_is_parsed()
    {
        var error = Assert.Single(_renderer.Validate(TemplatePart.EmailBody, new string('x', TemplateLimits.EmailHtmlBody + 1), MergeScope.Broadcast));

        Assert.Contains("the limit is 100,000", error.Message);
        Assert.Equal(0, _renderer.CacheSize.Templates);
    }

    [Fact]
    public void A_render_past_the_time_limit_stops()
    {
        // A clock on which every reading is half a second after the last: the fifth check finds the render too slow.
        var renderer = new TemplateRenderer(new SteppingClock(TimeSpan.FromMilliseconds(500)));

        var error = Assert.Throws<TemplateRenderException>(() => renderer.Render(TemplatePart.Sms,
            "{% for i in (1..10) %}{{ practice.name | upcase }}{% endfor %}", Data()));

        Assert.Contains("longer than 2 seconds", error.Message);
    }

    [Fact]
    public void The_template_cache_stays_bounded_after_many_distinct_large_bodies()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        for (var i = 0; i < 180; i++)
        {
            // 1 MB of distinct text each time: rendering fails on the output limit, but each was parsed.
            var body = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 1024 * 1024);
            Assert.Throws<TemplateRenderException>(() => _renderer.Render(TemplatePart.EmailBody, body, Data()));
        }
        var after = GC.GetTotalMemory(true);
        var (templates, characters) = _renderer.CacheSize;

        output.WriteLine($"cache after 180 distinct 1 MB bodies: {templates} templates, {characters:N0} characters; " +
                         $"heap {before / 1048576.0:0.0} MB -> {after / 1048576.0:0.0} MB");
        Assert.True(characters <= TemplateLimits.CachedCharacters, $"{characters:N0} characters cached");
        Assert.True(after - before < 64L * 1024 * 1024, $"the heap grew by {after - before:N0} bytes");
    }

    [Fact]
    public void A_template_that_cannot_be_parsed_is_not_cached()
    {
        Assert.Throws<TemplateInvalidException>(() => _renderer.Render(TemplatePart.Sms, "{% if x %}unclosed", Data()));

        Assert.Equal(0, _renderer.CacheSize.Templates);
    }

    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
