using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Templates;

[Trait("Database", "Engine")]
public sealed class StarterTemplatesTests : IDisposable
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
    public void The_confirmation_asks_to_reply_C_by_text_and_press_1_by_phone()
    {
        var confirmation = Starters().Single(t => t.Need == Need.AppointmentConfirmation && t.Language == "en");

        Assert.Contains("Reply C to confirm", confirmation.SmsBody);
        Assert.Contains("press 1", confirmation.VoiceScript);
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
