using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// The "done when" on the demo practice: the app as the README starts it, with the demo patients and their
/// week of appointments, credits bought and the two standard rules switched on by an office manager. Nobody presses
/// anything after that; the recurring job's method runs every quarter hour of a (fake) day, and the next day's
/// confirmations go out by themselves, inside the delivery window, once each, through the outbox sandbox.
/// </summary>
public sealed class DemoPracticeAutomationTests
{
    // Tuesday 8 December 2026, 07:00 in New York: two hours before the default window (09:00–19:00) opens.
    private static readonly DateTime DayStart = new(2026, 12, 8, 7, 0, 0);

    [Fact]
    public async Task With_the_standard_rules_on_the_next_days_confirmations_go_out_on_their_own_inside_the_window()
    {
        await using var h = await AutomationHarness.StartAsync(AutomationHarness.Local(DayStart), credits: 20_000, demoPatients: 150);
        using (var connection = h.App.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == AutomationJob.RecurringJobId);
            Assert.Equal("*/5 * * * *", job.Cron);
        }
        var manager = await h.App.SignInAsRoleAsync(Roles.OfficeManager);
        foreach (var id in await h.QueryAsync(db => db.AutomationRules.Where(r => r.IsStandard).Select(r => r.Id).ToListAsync()))
        {
            await manager.PostFormAsync("/AutomatedMessages/Toggle",
                new Dictionary<string, string> { ["id"] = $"{id}", ["enabled"] = "true" }, tokenFrom: "/AutomatedMessages");
        }
        Assert.Equal(2, await h.QueryAsync(db => db.AutomationRules.CountAsync(r => r.IsEnabled)));

        var windowOpens = AutomationHarness.Local(DayStart.Date.AddHours(9));
        var windowCloses = AutomationHarness.Local(DayStart.Date.AddHours(19));
        while (h.Now < AutomationHarness.Local(DayStart.Date.AddHours(20)))
        {
            await h.WithAsync<bool, AutomationJob>(async job =>
            {
                await job.RunAsync(CancellationToken.None);
                return true;
            });
            await h.RunQueuedBatchesAsync();
            if (h.Now < windowOpens)
            {
                Assert.Equal(0, await h.QueryAsync(db => db.Messages.CountAsync()));
            }
            // The job is scheduled every 5 minutes; a quarter-hour step keeps the test short and still crosses every
            // rule's send time and both ends of the window.
            h.Advance(TimeSpan.FromMinutes(15));
        }

        var confirmationRule = await h.QueryAsync(db => db.AutomationRules.Where(r => r.IsStandard && r.Kind == AutomationKind.Confirmation)
            .Select(r => r.Id).SingleAsync());
        var tomorrowFrom = AutomationHarness.Local(DayStart.Date.AddDays(1));
        var tomorrowTo = AutomationHarness.Local(DayStart.Date.AddDays(2));
        var tomorrow = await h.QueryAsync(db => db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= tomorrowFrom && a.StartUtc < tomorrowTo && a.Status == AppointmentStatus.Scheduled)
            .Select(a => a.Id).ToListAsync());
        Assert.NotEmpty(tomorrow);
        var decisions = await h.QueryAsync(db => db.AutomatedSends.AsNoTracking()
            .Where(s => s.RuleId == confirmationRule && tomorrow.Contains(s.AppointmentId)).ToListAsync());

        // Every one of tomorrow's appointments got exactly one decision, taken inside today's window.
        Assert.Equal(tomorrow.Order(), decisions.Select(d => d.AppointmentId).Order());
        Assert.All(decisions, d => Assert.InRange(d.DecidedUtc, windowOpens, windowCloses));
        // A skip always says why; most families are reachable and got their confirmation.
        Assert.All(decisions.Where(d => d.Outcome == AutomatedSendOutcome.Skipped), d => Assert.NotNull(d.SkipReason));
        var sent = decisions.Where(d => d.Outcome != AutomatedSendOutcome.Skipped).ToList();
        Assert.True(sent.Count * 2 > decisions.Count, $"{sent.Count} of {decisions.Count} of tomorrow's appointments were confirmed");

        // Each of those went through the outbox sandbox once, as a confirmation for that appointment, inside the window.
        var messages = await h.QueryAsync(db => db.Messages.AsNoTracking()
            .Where(m => db.Campaigns.Any(c => c.Id == m.CampaignId && c.AutomationRuleId == confirmationRule)
                        && m.AppointmentId != null && tomorrow.Contains(m.AppointmentId.Value))
            .Select(m => new { AppointmentId = m.AppointmentId!.Value, m.Status, m.CreatedUtc, m.SentUtc }).ToListAsync());
        var sentDecisions = sent.Where(d => d.Outcome == AutomatedSendOutcome.Sent).Select(d => d.AppointmentId).Order().ToList();
        Assert.Equal(sentDecisions, messages.Select(m => m.AppointmentId).Order());
        Assert.All(messages, m =>
        {
            Assert.Contains(m.Status, new[] { MessageStatus.Sent, MessageStatus.Delivered });
            Assert.InRange(m.SentUtc!.Value, windowOpens, windowCloses);
        });

        // Nothing automated went out before the window opened or after it closed, and the ledger adds up.
        var all = await h.QueryAsync(db => db.Messages.AsNoTracking().Select(m => m.CreatedUtc).ToListAsync());
        Assert.All(all, created => Assert.InRange(created, windowOpens, windowCloses));
        var integrity = await h.WithAsync<CreditIntegrityReport, CreditIntegrityCheck>(check => check.RunAsync());
        Assert.True(integrity.IsConsistent);
    }
}
