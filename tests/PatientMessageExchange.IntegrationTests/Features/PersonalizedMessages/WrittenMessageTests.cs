using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.PersonalizedMessages;

/// <summary>
/// Issue 21.3: every sending role writes a new personalized message (merge fields checked like a template's), sends it,
/// and finds it, with the broadcasts typed before, offered again as a starting point.
/// </summary>
public sealed class WrittenMessageTests : IAsyncLifetime
{
    private const string Compose = "/PersonalizedMessages/Compose";
    private readonly PmxAppFactory _app = new();
    private DateOnly _tomorrow;

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var zone = (await scope.ServiceProvider.GetRequiredService<PracticeDirectory>().GetAsync()).TimeZone;
        _tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), zone).DateTime).AddDays(1);
        var provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" };
        var emma = new Patient
        {
            ChartNumber = "W1", FirstName = "Emma", LastName = "Writer", DateOfBirth = new DateOnly(2019, 5, 1),
            ContactPoints = [new ContactPoint { Mode = ContactMode.Email, Value = "emma.parent@example.com" }],
        };
        db.Patients.Add(emma);
        db.Appointments.Add(new Appointment
        {
            Patient = emma, Provider = provider, Location = "Main", AppointmentType = "Well visit",
            StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(_tomorrow.ToDateTime(new TimeOnly(9, 30)), zone)),
        });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(100, "test funding", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Dictionary<string, string> Written(string subject, string body) => new()
    {
        ["Need"] = nameof(Need.AppointmentReminder),
        ["WriteNew"] = "true",
        ["EmailSubject"] = subject,
        ["EmailHtmlBody"] = body,
        ["AudienceKind"] = nameof(AudienceKind.Appointments),
        ["From"] = _tomorrow.ToString("yyyy-MM-dd"),
        ["To"] = _tomorrow.ToString("yyyy-MM-dd"),
        ["SendLater"] = "false",
    };

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.OfficeManager)]
    [InlineData(Roles.Administrator)]
    public async Task Every_sending_role_can_send_a_message_it_wrote_and_each_recipient_gets_their_own_fields(string role)
    {
        var client = await _app.SignInAsRoleAsync(role);

        var response = await client.PostFormAsync("/PersonalizedMessages/Send",
            Written("See you soon, {{ patient.first_name }}", "<p>{{ patient.first_name }} is seen on {{ appointment.date }}.</p>"),
            tokenFrom: Compose);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (campaign, message) = await QueryAsync(async db =>
        {
            var c = await db.Campaigns.SingleAsync();
            return (c, await db.Messages.SingleAsync(m => m.CampaignId == c.Id));
        });
        Assert.Null(campaign.TemplateId);
        Assert.Equal("See you soon, {{ patient.first_name }}", campaign.EmailSubjectTemplate);
        Assert.StartsWith(role.ToLowerInvariant() + "-", campaign.CreatedByName);
        Assert.Equal("See you soon, Emma", message.Subject);
        Assert.Contains("Emma is seen on", message.Body);
    }

    [Fact]
    public async Task An_unknown_merge_field_is_a_clear_error_beside_the_part_and_nothing_is_sent()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/PersonalizedMessages/Send",
            Written("Hello", "<p>Your shoe size is {{ patient.shoe_size }}.</p>"), tokenFrom: Compose);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("\"patient.shoe_size\" is not a merge field.", html);
        Assert.Contains("Your shoe size is {{ patient.shoe_size }}.", html);
        Assert.Equal(0, await QueryAsync(db => db.Campaigns.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task A_written_message_with_no_part_is_refused_and_nothing_is_sent()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/PersonalizedMessages/Send", Written("", ""), tokenFrom: Compose);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Write at least one part", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task The_estimate_prices_a_written_message_and_refuses_an_unknown_field()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var good = await client.PostFormAsync("/PersonalizedMessages/Estimate",
            Written("Hi {{ patient.first_name }}", "<p>Hi</p>"), tokenFrom: Compose);
        var bad = await client.PostFormAsync("/PersonalizedMessages/Estimate",
            Written("Hi {{ patient.nickname }}", "<p>Hi</p>"), tokenFrom: Compose);

        Assert.Contains("id=\"estimate-messages\">1<", await good.Content.ReadAsStringAsync());
        Assert.Contains("is not a merge field", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task Messages_written_before_are_offered_newest_first_and_one_prefills_the_editor()
    {
        await QueryAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            db.Campaigns.AddRange(
                Campaign(CampaignKind.Broadcast, "Flu clinic Saturday", null, now.AddDays(-3), "manager"),
                Campaign(CampaignKind.Personalized, "Bring the insurance card", null, now.AddDays(-1), "frontdesk"),
                Campaign(CampaignKind.Personalized, "From a template", 1, now, "frontdesk"));
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Compose));
        var insurance = await QueryAsync(db => db.Campaigns.Where(c => c.EmailSubjectTemplate == "Bring the insurance card").Select(c => c.Id).SingleAsync());
        var prefilled = WebUtility.HtmlDecode(await client.GetStringAsync($"{Compose}?startFrom={insurance}"));
        var unknown = await client.GetAsync($"{Compose}?startFrom=999999");

        var insuranceAt = html.IndexOf("Bring the insurance card", StringComparison.Ordinal);
        var fluAt = html.IndexOf("Flu clinic Saturday", StringComparison.Ordinal);
        Assert.True(insuranceAt > 0 && fluAt > insuranceAt, "newest first, broadcasts included");
        Assert.DoesNotContain("From a template", html);
        Assert.Contains("by manager", html);
        Assert.Contains("value=\"Bring the insurance card\"", prefilled);
        Assert.Contains("<p>Body of Bring the insurance card</p>", prefilled);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    private static Campaign Campaign(CampaignKind kind, string subject, int? templateId, DateTimeOffset created, string by) => new()
    {
        Kind = kind, Name = subject, Need = kind == CampaignKind.Broadcast ? Need.GeneralAnnouncement : Need.AppointmentReminder,
        TemplateId = templateId, EmailSubjectTemplate = subject, EmailBodyTemplate = $"<p>Body of {subject}</p>",
        AudienceDescription = "test", Status = CampaignStatus.Completed, CreatedUtc = created, CreatedByName = by,
    };

    private async Task<T> QueryAsync<T>(Func<PmxDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
    }
}
