using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// The screens: the rules list's dry run of the next 24 hours (writes nothing, previews a disabled rule too) and its
/// last 7 days; the Schedule's automated-messages column; Messages Sent filtered to automated messages.
/// </summary>
public sealed class AutomationScreensTests
{
    private static readonly DateTimeOffset Start = AutomationHarness.Local(new DateTime(2026, 11, 10, 9, 55, 0));

    [Fact]
    public async Task The_dry_run_shows_what_the_next_24_hours_would_send_then_the_screens_show_what_went()
    {
        await using var h = await AutomationHarness.StartAsync(Start, credits: 100);
        var provider = await h.ProviderAsync("Dr. Lee");
        await h.AppointmentAsync(await h.PatientAsync("Ana", "ana@example.com"), provider, new DateTime(2026, 11, 13, 14, 0, 0));
        await h.AppointmentAsync(await h.PatientAsync("Dan", "dan@example.com"), provider, new DateTime(2026, 11, 14, 15, 0, 0));
        var manager = await h.App.SignInAsRoleAsync(Roles.OfficeManager);

        var page = await manager.GetStringAsync("/AutomatedMessages");

        var confirmation = await h.QueryAsync(db => db.AutomationRules.SingleAsync(r => r.Name == AutomationSeeder.StandardConfirmationName));
        var preview = Section(page, confirmation.Id);
        // Ana's is due today at 10:00; Dan's tomorrow at 10:00, just past the next 24 hours.
        Assert.Contains("1 message(s), 1 credits", preview);
        Assert.Contains("1 by email (1 credits)", preview);
        Assert.Contains("Family, Ana", preview);
        Assert.DoesNotContain("Family, Dan", preview);
        Assert.Contains("0 sent", preview);
        Assert.Equal(0, await h.QueryAsync(db => db.AutomatedSends.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.Messages.CountAsync()));

        await h.QueryAsync(db => db.AutomationRules.Where(r => r.Id == confirmation.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, true)));
        h.Advance(TimeSpan.FromMinutes(5));
        await h.TickAsync();

        var after = Section(await manager.GetStringAsync("/AutomatedMessages"), confirmation.Id);
        Assert.Contains("1 sent", after);
        Assert.Contains("Sent: 1", after);
        Assert.Contains("1 message(s), 1 credits", after);   // now Dan's, due in exactly 24 hours
        Assert.Contains("Family, Dan", after);
        var schedule = await manager.GetStringAsync("/Schedule?date=2026-11-13");
        Assert.Contains($"{AutomationSeeder.StandardConfirmationName}: sent", schedule);

        await using var scope = h.App.Services.CreateAsyncScope();
        var reporter = new MessagesSentReporter(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.ThisMonth, h.Now, TimeZoneInfo.FindSystemTimeZoneById(AutomationHarness.Zone));
        Assert.Equal(1, (await reporter.ListAsync(period, new MessagesSentFilter(Automated: true), 1)).TotalCount);
        Assert.Equal(0, (await reporter.ListAsync(period, new MessagesSentFilter(Automated: false), 1)).TotalCount);
        Assert.Contains("Automated messages only", await manager.GetStringAsync("/MessagesSent?Automated=true"));
    }

    private static string Section(string page, int ruleId)
    {
        var start = page.IndexOf($"data-testid=\"rule-preview\" data-rule-id=\"{ruleId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No preview for the rule.");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return System.Net.WebUtility.HtmlDecode(page[start..end]);
    }
}
