using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Templates;

[Trait("Database", "Engine")]
public sealed class TemplatePreviewerTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly PracticeProfile Practice = new() { Name = "Maple Grove Pediatrics", Phone = "+16175550100" };

    private TemplatePreviewer Previewer()
    {
        var db = _database.CreateContext();
        var audit = new AuditLog(db, SystemActor.Instance, _database.Clock);
        return new TemplatePreviewer(new TemplateRenderer(), new MergeDataFactory(_database.Normalizer, _database.Clock),
            new PatientDirectory(db, audit, _database.Normalizer, _database.Clock), new PracticeDirectory(db, audit), _database.Clock);
    }

    private static Patient Named(string first, string last = "Lee") =>
        new() { ChartNumber = "P1", FirstName = first, LastName = last, DateOfBirth = new DateOnly(2020, 1, 1) };

    private TemplatePreview Sms(string sms, Patient? patient = null) =>
        Previewer().Preview(new TemplateContent(null, null, sms, null), MergeScope.Personalized, Practice, patient ?? Named("Ana"), null, null);

    [Fact]
    public void A_plain_text_message_is_one_GSM7_segment()
    {
        var sms = Sms("Hi {{ patient.first_name }}, see you soon.").Sms!;

        Assert.Equal("Hi Ana, see you soon.", sms.Text);
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 21, 1), sms.Count);
        Assert.Empty(sms.NonGsmCharacters);
    }

    [Fact]
    public void Spanish_enye_stays_in_GSM7()
    {
        var sms = Sms("Cita de {{ patient.first_name }} mañana").Sms!;

        Assert.Equal(SmsEncoding.Gsm7, sms.Count.Encoding);
    }

    [Fact]
    public void A_curly_quote_forces_UCS2_and_is_named()
    {
        var sms = Sms("{{ patient.first_name }}’s visit").Sms!;

        Assert.Equal(SmsEncoding.Ucs2, sms.Count.Encoding);
        Assert.Equal(["’"], sms.NonGsmCharacters);
        Assert.Equal("U+2019", SmsPreview.Describe("’"));
    }

    [Fact]
    public void An_emoji_is_one_offending_character_and_a_long_UCS2_text_splits_at_67()
    {
        var sms = Sms(new string('a', 100) + " 🎉").Sms!;

        Assert.Equal(["🎉"], sms.NonGsmCharacters);
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 103, 2), sms.Count);
        Assert.Equal("U+1F389", SmsPreview.Describe("🎉"));
    }

    [Fact]
    public void A_merged_name_can_push_a_message_into_two_GSM7_segments()
    {
        var sms = Sms(new string('x', 150) + " {{ patient.first_name }}", Named("Alexandrina")).Sms!;

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 162, 2), sms.Count);
        Assert.Equal(153, sms.Count.UnitsPerSegment);
    }

    [Fact]
    public void R28_template_syntax_in_a_patients_name_renders_literally_in_every_part()
    {
        var patient = Named("{{7*7}}", "@DateTime.Now <script>");
        var content = new TemplateContent("For {{ patient.name }}", "<p>{{ patient.name }}</p>", "{{ patient.name }}", "{{ patient.name }}");

        var preview = Previewer().Preview(content, MergeScope.Personalized, Practice, patient, null, null);

        Assert.Equal("{{7*7}} @DateTime.Now <script>", preview.Sms!.Text);
        Assert.Equal("{{7*7}} @DateTime.Now <script>", preview.VoiceScript);
        Assert.Equal("For {{7*7}} @DateTime.Now <script>", preview.EmailSubject);
        Assert.Equal("<p>{{7*7}} @DateTime.Now &lt;script&gt;</p>", preview.EmailHtmlBody);
    }

    [Fact]
    public void R28_an_arithmetic_expression_in_the_template_itself_does_not_reach_application_code()
    {
        var preview = Sms("{{ 7 | times: 7 }} {{ patient.first_name | upcase }}");

        Assert.Equal("49 ANA", preview.Sms!.Text);
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public void HTML_in_a_value_is_encoded_in_the_email_body_only()
    {
        var patient = Named("<b>Tom & Jerry</b>");
        var content = new TemplateContent("Hi {{ patient.first_name }}", "<p>{{ patient.first_name }}</p>", "{{ patient.first_name }}", null);

        var preview = Previewer().Preview(content, MergeScope.Personalized, Practice, patient, null, null);

        Assert.Equal("<p>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</p>", preview.EmailHtmlBody);
        Assert.Equal("<b>Tom & Jerry</b>", preview.Sms!.Text);
        Assert.Equal("Hi <b>Tom & Jerry</b>", preview.EmailSubject);
    }

    [Fact]
    public void A_part_with_an_error_is_not_rendered_and_its_error_is_returned()
    {
        var content = new TemplateContent(null, null, "Hi {{ patient.shoe_size }}", "This is {{ practice.name }}.");

        var preview = Previewer().Preview(content, MergeScope.Personalized, Practice, Named("Ana"), null, null);

        Assert.Null(preview.Sms);
        Assert.Equal("This is Maple Grove Pediatrics.", preview.VoiceScript);
        Assert.Equal(TemplatePart.Sms, Assert.Single(preview.Errors).Part);
    }
}
