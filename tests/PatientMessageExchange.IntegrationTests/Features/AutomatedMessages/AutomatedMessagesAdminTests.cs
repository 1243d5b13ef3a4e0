using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// Administration → Automated messages: the standard rules ship disabled, office managers and administrators create and
/// change rules and delivery rules (audited), bad input changes nothing, and front-desk staff are turned away.
/// </summary>
public sealed class AutomatedMessagesAdminTests : IClassFixture<PmxAppFactory>, IAsyncLifetime
{
    private readonly PmxAppFactory _app;

    public AutomatedMessagesAdminTests(PmxAppFactory app) => _app = app;

    public Task InitializeAsync() => _app.CompleteSetupAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_standard_rules_ship_disabled_a_confirmation_3_days_before_at_10_and_a_reminder_1_day_before()
    {
        var rules = await QueryAsync(db => db.AutomationRules.AsNoTracking().Where(r => r.IsStandard).OrderBy(r => r.Kind).ToListAsync());

        Assert.Collection(rules,
            c => Assert.Equal((AutomationKind.Confirmation, AutomationTiming.DaysBeforeAt, 3, 600, false),
                (c.Kind, c.Timing, c.DaysBefore, c.SendAtMinutes, c.IsEnabled)),
            r => Assert.Equal((AutomationKind.Reminder, AutomationTiming.DaysBeforeAt, 1, false), (r.Kind, r.Timing, r.DaysBefore, r.IsEnabled)));
        var settings = await QueryAsync(db => db.AutomationSettings.AsNoTracking().SingleAsync());
        Assert.Equal((540, 1140, 2), (settings.WindowStartMinutes, settings.WindowEndMinutes, settings.DailyCapPerContact));
    }

    [Fact]
    public async Task An_office_manager_creates_a_rule_and_it_is_audited()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var templateId = await QueryAsync(db => db.MessageTemplates
            .Where(t => t.Need == Need.AppointmentReminder && t.VariantOfId == null).Select(t => t.Id).FirstAsync());

        var response = await client.PostFormAsync("/AutomatedMessages/Edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Two hours before", ["Form.Kind"] = "Reminder", ["Form.Timing"] = "HoursBefore",
            ["Form.HoursBefore"] = "2", ["Form.DaysBefore"] = "1", ["Form.SendAt"] = "10:00", ["Form.TemplateId"] = $"{templateId}",
            ["Form.AppointmentTypes"] = "Sick visit\nSick visit\n", ["Form.IsEnabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rule = await QueryAsync(db => db.AutomationRules.AsNoTracking().SingleAsync(r => r.Name == "Two hours before"));
        Assert.Equal((AutomationKind.Reminder, AutomationTiming.HoursBefore, 2, "Sick visit", true),
            (rule.Kind, rule.Timing, rule.HoursBefore, rule.AppointmentTypes, rule.IsEnabled));
        Assert.True(await QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.AutomationRuleCreated
            && a.EntityId == rule.Id.ToString())));
        var page = await client.GetStringAsync("/AutomatedMessages");
        Assert.Contains("Two hours before", page);
        Assert.Contains("2 hour(s) before", page);
    }

    [Fact]
    public async Task Enabling_a_rule_is_audited()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);
        var id = await QueryAsync(db => db.AutomationRules.Where(r => r.Name == AutomationSeeder.StandardReminderName).Select(r => r.Id).SingleAsync());

        var response = await client.PostFormAsync("/AutomatedMessages/Toggle",
            new Dictionary<string, string> { ["id"] = $"{id}", ["enabled"] = "true" }, tokenFrom: "/AutomatedMessages");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await QueryAsync(db => db.AutomationRules.Where(r => r.Id == id).Select(r => r.IsEnabled).SingleAsync()));
        Assert.True(await QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.AutomationRuleEnabled && a.EntityId == id.ToString())));
        await client.PostFormAsync("/AutomatedMessages/Toggle",
            new Dictionary<string, string> { ["id"] = $"{id}", ["enabled"] = "false" }, tokenFrom: "/AutomatedMessages");
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_refused_beside_the_field_and_changes_nothing()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var before = await QueryAsync(db => db.AutomationSettings.AsNoTracking().SingleAsync());

        var response = await client.PostFormAsync("/AutomatedMessages/Settings", new Dictionary<string, string>
        {
            ["Form.WindowStart"] = "18:00", ["Form.WindowEnd"] = "08:00", ["Form.DeliveryDays"] = "Monday",
            ["Form.DailyCapPerContact"] = "2",
        }, tokenFrom: "/AutomatedMessages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The window must end after it starts.", await response.Content.ReadAsStringAsync());
        var after = await QueryAsync(db => db.AutomationSettings.AsNoTracking().SingleAsync());
        Assert.Equal((before.WindowStartMinutes, before.WindowEndMinutes, before.DeliveryDays),
            (after.WindowStartMinutes, after.WindowEndMinutes, after.DeliveryDays));
    }

    [Fact]
    public async Task Delivery_rules_are_saved_and_audited()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await client.PostFormAsync("/AutomatedMessages/Settings", new Dictionary<string, string>
        {
            ["Form.WindowStart"] = "09:00", ["Form.WindowEnd"] = "19:00", ["Form.DeliveryDays"] = "Monday",
            ["Form.DailyCapPerContact"] = "2", ["Form.NoticeEmail"] = "office@maple.example",
        }, tokenFrom: "/AutomatedMessages");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await QueryAsync(db => db.AutomationSettings.AsNoTracking().SingleAsync());
        Assert.Equal(1 << (int)DayOfWeek.Monday, settings.DeliveryDays);
        Assert.Equal("office@maple.example", settings.NoticeEmail);
        Assert.True(await QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.AutomationSettingsChanged)));
    }

    [Fact]
    public async Task Front_desk_staff_are_turned_away_and_nothing_changes()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var page = await client.GetAsync("/AutomatedMessages");
        var token = await client.GetAntiforgeryTokenAsync("/Schedule");
        var toggle = await client.PostAsync("/AutomatedMessages/Toggle", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = "1", ["enabled"] = "true", ["__RequestVerificationToken"] = token,
        }));

        AssertDenied(page);
        AssertDenied(toggle);
        Assert.False(await QueryAsync(db => db.AutomationRules.AnyAsync(r => r.Id == 1 && r.IsEnabled)));
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery());
    }

    private async Task<T> QueryAsync<T>(Func<PmxDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
    }
}
