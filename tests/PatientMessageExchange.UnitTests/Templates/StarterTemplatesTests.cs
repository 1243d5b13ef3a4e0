using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.UnitTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.UnitTests.Templates;

[Trait("Database", "Engine")]
public sealed class StarterTemplatesTests(ITestOutputHelper output) : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private IReadOnlyList<MessageTemplate> Starters() => StarterTemplates.Create(_database.Clock.GetUtcNow());

    [Fact]
    public void Every_part_of_every_starter_template_validates_in_its_scope()
    {
        var renderer = new TemplateRenderer();

        var errors = Starters()
            .SelectMany(t => TemplateContent.Parts.SelectMany(p => renderer.Validate(p, t.ToContent().Get(p), t.Scope)))
            .ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Every_personalized_need_has_an_English_original_and_a_Spanish_variant()
    {
        var personalized = Starters().Where(t => t.Scope == MergeScope.Personalized).ToList();

        foreach (var need in new[] { Need.AppointmentReminder, Need.AppointmentConfirmation, Need.RecallWellVisit, Need.ImmunizationDue, Need.Billing })
        {
            var english = Assert.Single(personalized, t => t.Need == need && t.Language == "en");
            var spanish = Assert.Single(personalized, t => t.Need == need && t.Language == "es");
            Assert.Same(english, spanish.VariantOf);
        }
        Assert.Contains(Starters(), t => t.Scope == MergeScope.Broadcast && t.Name == "Flu clinic");
    }

    [Theory]
    [InlineData("well visit")]
    [InlineData("immuniz")]
    [InlineData("vaccin")]
    [InlineData("vacuna")]
    [InlineData("chequeo")]
    [InlineData("appointment.type")]
    [InlineData("due.item")]
    public void R7_starter_voice_scripts_hold_no_clinical_detail(string word)
    {
        Assert.All(Starters().Where(t => t.VoiceScript is not null),
            t => Assert.DoesNotContain(word, t.VoiceScript!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_confirmation_says_how_to_confirm_and_cancel_by_text_and_what_each_key_does_by_phone()
    {
        var english = Starters().Single(t => t.Need == Need.AppointmentConfirmation && t.Language == "en");
        var spanish = Starters().Single(t => t.Need == Need.AppointmentConfirmation && t.Language == "es");

        Assert.Contains("Reply C to confirm or X to cancel", english.SmsBody);
        Assert.Contains("To confirm, press 1. To cancel, press 2. To ask us to call you back, press 3.", english.VoiceScript);
        Assert.Contains("Responda C para confirmar o X para cancelar", spanish.SmsBody);
        Assert.Contains("Para confirmar, oprima 1. Para cancelar, oprima 2. Para que le llamemos, oprima 3.", spanish.VoiceScript);
        // What the keys do is what the call handler does with them.
        Assert.Equal(InboundKind.Confirmation, ReplyKeywords.Classify("C"));
        Assert.Equal(InboundKind.Cancellation, ReplyKeywords.Classify("X"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void The_starter_appointment_texts_stay_within_two_segments_for_one_child_and_three_for_two(string language)
    {
        var factory = new MergeDataFactory(_database.Normalizer, _database.Clock);
        var practice = new PracticeProfile { Name = "Maple Grove Pediatrics", Phone = "+16175550100", TimeZoneId = "America/New_York" };
        var patient = new Patient { ChartNumber = "P1", FirstName = "Ana", LastName = "Muñoz", DateOfBirth = new DateOnly(2020, 5, 1), Language = language };
        // Tuesday, December 1, 2026, 9:30 and 10:00 AM in New York.
        Appointment Visit(int minute) => new()
        {
            StartUtc = new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero).AddMinutes(minute), Location = "Main Street Office", AppointmentType = "Well visit",
            Provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" },
        };
        var renderer = new TemplateRenderer();

        foreach (var need in new[] { Need.AppointmentConfirmation, Need.AppointmentReminder })
        {
            var sms = Starters().Single(t => t.Need == need && t.Language == language).SmsBody;
            var one = renderer.Render(TemplatePart.Sms, sms, factory.Create(practice, patient, Visit(30), null, TemplatePart.Sms));
            var two = renderer.Render(TemplatePart.Sms, sms, factory.Create(practice, patient, Visit(30), null, TemplatePart.Sms,
                together: [new NamedAppointment("Ana", Visit(30)), new NamedAppointment("Leo", Visit(60))]));
            var oneCount = SmsSegmenter.Count(one);
            var twoCount = SmsSegmenter.Count(two);
            output.WriteLine($"{need} {language}: one child {one.Length} chars, {oneCount.Segments} segment(s) {oneCount.Encoding}; " +
                             $"two children {two.Length} chars, {twoCount.Segments} segment(s) {twoCount.Encoding}; not GSM-7: {string.Join(" ", SmsSegmenter.NonGsmCharacters(one + two).Select(c => $"U+{(int)c:X4}"))}");
            // A Tuesday: every character of both languages is GSM-7 (a Spanish "sábado" would not be).
            Assert.Equal((SmsEncoding.Gsm7, SmsEncoding.Gsm7), (oneCount.Encoding, twoCount.Encoding));
            Assert.InRange(oneCount.Segments, 1, need == Need.AppointmentReminder && language == "en" ? 1 : 2);
            Assert.InRange(twoCount.Segments, 1, 3);
        }
    }

    [Fact]
    public async Task The_seeder_fills_an_empty_library_once()
    {
        await using (var db = _database.CreateContext())
        {
            Assert.True(await new TemplateSeeder(db, _database.Clock, NullLogger<TemplateSeeder>.Instance).SeedAsync());
        }
        await using (var db = _database.CreateContext())
        {
            Assert.False(await new TemplateSeeder(db, _database.Clock, NullLogger<TemplateSeeder>.Instance).SeedAsync());
        }

        await using var check = _database.CreateContext();
        Assert.Equal(Starters().Count, await check.MessageTemplates.CountAsync());
        Assert.Equal(Starters().Count / 2, await check.MessageTemplates.CountAsync(t => t.VariantOfId != null));
    }
}
