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

public sealed class PersonalizedMessagesTests : IAsyncLifetime
{
    private readonly PmxAppFactory _app = new();
    private HttpClient _client = null!;
    private DateOnly _tomorrow;
    private int _templateId;

    public async Task InitializeAsync()
    {
        _client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var zone = (await scope.ServiceProvider.GetRequiredService<PracticeDirectory>().GetAsync()).TimeZone;
        _tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), zone).DateTime).AddDays(1);
        var provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" };
        Patient Child(string chart, string first, params ContactPoint[] points) => new()
        {
            ChartNumber = chart, FirstName = first, LastName = "Test", DateOfBirth = new DateOnly(2019, 5, 1),
            ContactPoints = [.. points],
        };
        var withEmail = Child("E1", "Emma", new ContactPoint { Mode = ContactMode.Email, Value = "emma.parent@example.com" });
        var withEmail2 = Child("E2", "Eli", new ContactPoint { Mode = ContactMode.Email, Value = "eli.parent@example.com" });
        var nothing = Child("N1", "Noah");
        db.Patients.AddRange(withEmail, withEmail2, nothing);
        var nine = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(_tomorrow.ToDateTime(new TimeOnly(9, 30)), zone));
        db.Appointments.AddRange(
            new Appointment { Patient = withEmail, Provider = provider, StartUtc = nine, Location = "Main", AppointmentType = "Well visit" },
            new Appointment { Patient = withEmail2, Provider = provider, StartUtc = nine.AddMinutes(30), Location = "Main", AppointmentType = "Sick visit" },
            new Appointment { Patient = nothing, Provider = provider, StartUtc = nine.AddHours(1), Location = "Main", AppointmentType = "Well visit" });
        await db.SaveChangesAsync();
        _templateId = await db.MessageTemplates.Where(t => t.Need == Need.AppointmentReminder && t.VariantOfId == null).Select(t => t.Id).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(100, "test funding", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Dictionary<string, string> Form() => new()
    {
        ["Need"] = nameof(Need.AppointmentReminder),
        ["TemplateId"] = _templateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AudienceKind"] = nameof(AudienceKind.Appointments),
        ["From"] = _tomorrow.ToString("yyyy-MM-dd"),
        ["To"] = _tomorrow.ToString("yyyy-MM-dd"),
        ["SendLater"] = "false",
    };

    [Fact]
    public async Task The_estimate_shows_usage_per_mode_the_total_the_balance_and_who_is_skipped()
    {
        var response = await _client.PostFormAsync("/PersonalizedMessages/Estimate", Form(), tokenFrom: "/PersonalizedMessages/Compose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"estimate-messages\">2<", html);
        Assert.Contains("id=\"estimate-total\">2<", html);
        Assert.Contains("id=\"estimate-balance\">100<", html);
        Assert.Contains("1 patient(s) skipped", html);
        Assert.Contains("Test, Noah", html);
    }

    [Fact]
    public async Task A_stored_template_past_a_render_limit_skips_each_recipient_with_the_reason_instead_of_failing()
    {
        // Stored before the limits existed, so it never went through the check on save.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            await db.MessageTemplates.Where(t => t.Id == _templateId || t.VariantOfId == _templateId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.EmailHtmlBody, "{% for i in (1..100000000) %}x{% endfor %}"));
        }

        var response = await _client.PostFormAsync("/PersonalizedMessages/Estimate", Form(), tokenFrom: "/PersonalizedMessages/Compose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("3 patient(s) skipped", html);
        Assert.Contains("The message can't be written for this patient: A range like (1..n) may have at most 10,000 items", html);
    }

    [Fact]
    public async Task An_estimate_for_dates_at_the_edge_of_the_calendar_is_a_form_error()
    {
        var form = Form();
        form["From"] = "9999-12-31";
        form["To"] = "9999-12-31";

        var response = await _client.PostFormAsync("/PersonalizedMessages/Estimate", form, tokenFrom: "/PersonalizedMessages/Compose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose dates between 1900 and 2199.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0001-01-01T09:00", "Choose a time in the future")]
    [InlineData("past", "Choose a time in the future")]
    [InlineData("gap", "does not exist: the clocks go forward")]
    [InlineData("far", "at most 90 days ahead")]
    public async Task A_send_time_that_cant_be_used_is_a_form_error_and_nothing_is_sent(string sendAt, string error)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var nowLocal = TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), zone).DateTime;
        var form = Form();
        form["SendLater"] = "true";
        form["SendAt"] = sendAt switch
        {
            "past" => nowLocal.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"),
            "far" => nowLocal.AddDays(200).ToString("yyyy-MM-ddTHH:mm"),
            // 2:30 AM on the second Sunday of March does not exist in New York.
            "gap" => SecondSundayOfMarch(nowLocal.Year + 1).ToString("yyyy-MM-dd") + "T02:30",
            _ => sendAt,
        };

        var response = await _client.PostFormAsync("/PersonalizedMessages/Send", form, tokenFrom: "/PersonalizedMessages/Compose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Campaigns.CountAsync());
    }

    private static DateOnly SecondSundayOfMarch(int year)
    {
        var first = new DateOnly(year, 3, 1);
        return first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7 + 7);
    }

    [Fact]
    public async Task Sending_reserves_the_estimate_and_the_emails_reach_the_outbox()
    {
        var response = await _client.PostFormAsync("/PersonalizedMessages/Send", Form(), tokenFrom: "/PersonalizedMessages/Compose");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var campaignUrl = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/PersonalizedMessages/Campaign/", campaignUrl);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Campaign campaign;
        do
        {
            await Task.Delay(100);
            await using var scope = _app.Services.CreateAsyncScope();
            campaign = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Campaigns.AsNoTracking().SingleAsync();
        }
        while (campaign.Status != CampaignStatus.Completed && DateTime.UtcNow < deadline);

        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        Assert.Equal((2, 1, 2), (campaign.MessageCount, campaign.SkippedCount, campaign.ReservedCredits));
        var outbox = Directory.GetFiles(Path.Combine(_app.DataFolder, "outbox", "email"), "*.eml", SearchOption.AllDirectories);
        Assert.Equal(2, outbox.Length);
        var texts = outbox.Select(File.ReadAllText).ToList();
        Assert.Contains(texts, t => t.Contains("Emma") && t.Contains("emma.parent@example.com"));
        Assert.Contains(texts, t => t.Contains("Eli") && t.Contains("eli.parent@example.com"));
        var page = await (await _client.GetAsync(campaignUrl)).Content.ReadAsStringAsync();
        Assert.Contains("Done.", page);
        Assert.Contains("Credits charged: <strong>2</strong>", page);
    }

    [Fact]
    public async Task Sending_more_than_the_balance_covers_is_refused_with_a_clear_message()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(-99, "drain", "test:drain");
        }

        var response = await _client.PostFormAsync("/PersonalizedMessages/Send", Form(), tokenFrom: "/PersonalizedMessages/Compose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("needs 2 credits but only 1 are available", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await using var check = _app.Services.CreateAsyncScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<PmxDbContext>().Campaigns.CountAsync());
    }
}
