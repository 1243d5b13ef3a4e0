using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.UnitTests.Templates;

public class TemplateRendererTests
{
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
}
