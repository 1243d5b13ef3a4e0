using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// One app for the whole walk, set up once: a user per role, 80 demo patients with a week of appointments, credits,
/// and a message the front desk wrote earlier (a campaign that kept its text), so the composer can start from it.
/// The walk only reads, so its cases can share it.
/// </summary>
public sealed class WalkApp : IAsyncLifetime
{
    public BrowserAppHost App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.CompleteSetupAsync();
        foreach (var role in Roles.All)
        {
            await App.CreateUserAsync(role.ToLowerInvariant(), role);
        }
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(patientCount: 80);
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(5000, "demo credits", "test:funding");
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        db.Campaigns.Add(new Campaign
        {
            Kind = CampaignKind.Personalized, Name = "Flu shots are in", Need = Core.Preferences.Need.GeneralAnnouncement,
            EmailSubjectTemplate = "Flu shots for {{ patient.first_name }}",
            EmailBodyTemplate = "<p>{{ patient.first_name }} can get a flu shot at {{ practice.name }} any weekday.</p>",
            SmsTemplate = "{{ practice.name }}: flu shots for {{ patient.first_name }} any weekday. Call {{ practice.phone }}.",
            VoiceTemplate = "This is {{ practice.name }}. Flu shots are in; call us to book.",
            AudienceDescription = "Active patients aged 0 to 18", Status = CampaignStatus.Completed,
            CreatedUtc = App.Clock.GetUtcNow().AddDays(-2), CreatedByName = "frontdesk",
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
