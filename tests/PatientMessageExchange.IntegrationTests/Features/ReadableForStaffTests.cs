using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features;

/// <summary>Issue 21.6: names, plain words, the practice's time zone and a sensible default period.</summary>
public sealed class ReadableForStaffTests : IDisposable
{
    private readonly PmxAppFactory _app = new PmxAppFactory().With("Credits:LowBalanceThreshold", "1000");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Messages_sent_opens_on_this_month()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await client.GetStringAsync("/MessagesSent");

        Assert.Contains("<option value=\"ThisMonth\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task The_low_balance_warning_reads_as_sentences()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/UsageStatistics"));

        Assert.Contains("Fewer than 1,000 credits are available. Buy credits below.", html);
    }

    [Fact]
    public async Task A_campaign_lists_skipped_patients_by_name()
    {
        var patientId = await _app.AddAdultAsync();
        long campaignId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            var campaign = new Campaign
            {
                Kind = CampaignKind.Personalized, Name = "Flu reminders", Need = Need.ImmunizationDue, AudienceDescription = "test",
                CreatedUtc = _app.Clock.GetUtcNow(), CreatedByName = "test",
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            db.CampaignSkips.Add(new CampaignSkip
            {
                CampaignId = campaign.Id, PatientId = patientId, Reason = UnreachableReason.NoContactOnFile,
                Explanation = "No contact on file",
            });
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
        }
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await client.GetStringAsync($"/PersonalizedMessages/Campaign/{campaignId}");

        Assert.Contains($"href=\"/Patients/Details/{patientId}\">Testcase, Avery</a>", html);
        Assert.DoesNotContain("Open the patient", html);
    }

    [Fact]
    public async Task A_saved_practice_default_shows_local_time_and_the_user_with_spaces()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), newYork)
            .ToString("MM/dd/yyyy h:mm tt", System.Globalization.CultureInfo.InvariantCulture);
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var saved = await client.PostFormAsync("/ContactPreferences/Save", new Dictionary<string, string>
        {
            ["Need"] = nameof(Need.Billing), ["Email"] = "1", ["Text"] = "2",
        }, tokenFrom: "/ContactPreferences");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var html = await client.GetStringAsync("/ContactPreferences");

        Assert.Contains($"{local} by officemanager-", html);
        Assert.DoesNotContain("UTC", html);
    }
}
