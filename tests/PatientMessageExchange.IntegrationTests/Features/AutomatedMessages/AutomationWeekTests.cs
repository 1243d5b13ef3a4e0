using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// The scheduler driven by a fake clock through nine days in America/New_York, across the end of daylight saving time
/// (Sunday, November 1, 2026), ticking every 15 minutes with two workers at once, with a reschedule, a cancellation,
/// an appointment confirmed at the desk, siblings, the daily cap, a process restart after 26 hours of downtime (leaving
/// a campaign unsent), and an appointment that passed during the downtime. The standard confirmation (3 days before at
/// 10:00) and reminder (1 day before at 10:00) are limited to well visits; a third rule reminds sick visits 2 hours
/// before. Delivery: 09:00–19:00, Monday to Saturday, at most 2 per contact per day.
/// </summary>
public sealed class AutomationWeekTests
{
    private static readonly DateTimeOffset Start = AutomationHarness.Local(new DateTime(2026, 10, 28, 0, 0, 0));
    private static readonly DateTimeOffset CrashAfter = AutomationHarness.Local(new DateTime(2026, 11, 3, 10, 0, 0));
    private static readonly DateTimeOffset RestartAt = AutomationHarness.Local(new DateTime(2026, 11, 4, 12, 0, 0));
    private static readonly DateTimeOffset End = AutomationHarness.Local(new DateTime(2026, 11, 6, 0, 0, 0));
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task A_week_sends_exactly_the_expected_messages_once_inside_the_window_and_cap_and_the_ledger_reconciles()
    {
        await using var h = await AutomationHarness.StartAsync(Start, credits: 1000);
        var (sickRuleId, templates) = await ConfigureRulesAsync(h);
        var lee = await h.ProviderAsync("Dr. Lee");
        var ana = await h.PatientAsync("Ana", "ana@example.com");
        var ben = await h.PatientAsync("Ben", "family@example.com");
        var cara = await h.PatientAsync("Cara", "family@example.com");
        var dan = await h.PatientAsync("Dan", "dan@example.com");
        var eve = await h.PatientAsync("Eve", "eve@example.com");
        var fay = await h.PatientAsync("Fay", "fay@example.com");
        var gus = await h.PatientAsync("Gus", "gus@example.com");
        var hal = await h.PatientAsync("Hal", "hal@example.com");
        var ivy = await h.PatientAsync("Ivy", "ivy@example.com");

        var anaVisit = await h.AppointmentAsync(ana, lee, new DateTime(2026, 11, 3, 14, 0, 0));
        var benVisit = await h.AppointmentAsync(ben, lee, new DateTime(2026, 10, 30, 15, 0, 0));
        var caraVisit = await h.AppointmentAsync(cara, lee, new DateTime(2026, 10, 30, 15, 30, 0));
        var danVisit = await h.AppointmentAsync(dan, lee, new DateTime(2026, 11, 3, 11, 0, 0));
        var eveVisit = await h.AppointmentAsync(eve, lee, new DateTime(2026, 11, 5, 9, 30, 0));
        var fayVisit = await h.AppointmentAsync(fay, lee, new DateTime(2026, 10, 29, 16, 0, 0), status: AppointmentStatus.Confirmed);
        var gusX = await h.AppointmentAsync(gus, lee, new DateTime(2026, 11, 2, 15, 0, 0));
        var gusY = await h.AppointmentAsync(gus, lee, new DateTime(2026, 11, 5, 15, 0, 0));
        var gusZ = await h.AppointmentAsync(gus, lee, new DateTime(2026, 11, 3, 10, 0, 0));
        var halVisit = await h.AppointmentAsync(hal, lee, new DateTime(2026, 11, 4, 11, 0, 0), type: "Sick visit");
        var ivyVisit = await h.AppointmentAsync(ivy, lee, new DateTime(2026, 11, 5, 13, 0, 0), type: "Sick visit");

        var rescheduleAt = AutomationHarness.Local(new DateTime(2026, 11, 1, 12, 0, 0));
        var cancelAt = AutomationHarness.Local(new DateTime(2026, 11, 3, 8, 0, 0));
        var danOldStart = AutomationHarness.Local(new DateTime(2026, 11, 3, 11, 0, 0));
        var danNewStart = AutomationHarness.Local(new DateTime(2026, 11, 6, 11, 0, 0));
        while (h.Now <= End)
        {
            if (h.Now == rescheduleAt)
            {
                await h.QueryAsync(db => db.Appointments.Where(a => a.Id == danVisit)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartUtc, danNewStart)));
            }
            if (h.Now == cancelAt)
            {
                await h.QueryAsync(db => db.Appointments.Where(a => a.Id == eveVisit)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.Cancelled)));
            }
            if (h.Now == CrashAfter)
            {
                // The process dies after this run created its campaigns and before any batch ran; it is down for 26 hours.
                await TickWithoutDispatchAsync(h);
                await h.RestartAsync(RestartAt);
                continue;
            }
            await h.TickAsync(workers: 2);
            h.Advance(Tick);
        }

        var confirmation = templates.Confirmation;
        var reminder = templates.Reminder;
        (int Rule, int Appointment, DateTimeOffset Decided)[] expected =
        [
            (confirmation, benVisit, L(10, 28, 9, 0)),  // due Oct 27, caught up when the window opens; names Ben and Cara
            (reminder, fayVisit, L(10, 28, 10, 0)),     // Fay was confirmed at the desk: a reminder, no confirmation
            (reminder, benVisit, L(10, 29, 10, 0)),     // Ben and Cara again in one message
            (confirmation, gusX, L(10, 30, 10, 0)),
            (confirmation, anaVisit, L(10, 31, 10, 0)), // still daylight time: 14:00 UTC
            (confirmation, danVisit, L(10, 31, 10, 0)), // for the first time Dan was booked
            (confirmation, gusZ, L(10, 31, 10, 0)),
            (reminder, gusX, L(11, 2, 9, 0)),           // due Sunday, not a delivery day: Monday when the window opens
            (confirmation, eveVisit, L(11, 2, 10, 0)),
            (reminder, anaVisit, L(11, 2, 10, 0)),      // standard time now: 15:00 UTC
            (confirmation, gusY, L(11, 2, 10, 0)),      // Gus's second today; his reminder for Z is over the cap
            (confirmation, danVisit, L(11, 3, 10, 0)),  // the rescheduled time; created just before the crash
            (reminder, gusY, L(11, 4, 12, 0)),          // due during the downtime, still useful: caught up at restart
            (reminder, danVisit, L(11, 5, 10, 0)),
            (sickRuleId, ivyVisit, L(11, 5, 11, 0)),    // 2 hours before a sick visit
        ];
        var messages = await h.QueryAsync(db => (
            from m in db.Messages.AsNoTracking()
            join c in db.Campaigns.AsNoTracking() on m.CampaignId equals c.Id
            where c.AutomationRuleId != null
            select new { Rule = c.AutomationRuleId!.Value, m.AppointmentId, m.CreatedUtc, m.Status, m.Address, m.Body, m.Cost }).ToListAsync());
        Assert.Equal(expected.OrderBy(e => e.Decided).ThenBy(e => e.Rule).ThenBy(e => e.Appointment).Select(e => (e.Rule, e.Appointment, e.Decided.UtcDateTime)),
            messages.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Rule).ThenBy(m => m.AppointmentId)
                .Select(m => (m.Rule, m.AppointmentId!.Value, m.CreatedUtc.UtcDateTime)));
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));

        // Daylight saving: the same 10:00 is 14:00 UTC before November 1 and 15:00 UTC after.
        Assert.Equal(14, L(10, 31, 10, 0).UtcDateTime.Hour);
        Assert.Equal(15, L(11, 2, 10, 0).UtcDateTime.Hour);

        // Inside the window and on delivery days, and at most 2 per contact per practice day.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(AutomationHarness.Zone);
        Assert.All(messages, m =>
        {
            var local = TimeZoneInfo.ConvertTime(m.CreatedUtc, zone);
            Assert.InRange(local.Hour * 60 + local.Minute, 9 * 60, 19 * 60 - 1);
            Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        });
        Assert.All(messages.GroupBy(m => (m.Address, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.CreatedUtc, zone).DateTime))),
            g => Assert.InRange(g.Count(), 1, 2));

        // Siblings: one message to the family names both children.
        var family = messages.Where(m => m.Address == "family@example.com").ToList();
        Assert.Equal(2, family.Count);
        Assert.All(family, m => Assert.Contains("Ben and Cara", m.Body));

        // Every decision once; the skips with their reasons; nothing for the old time, nothing after the fact.
        var decisions = await h.QueryAsync(db => db.AutomatedSends.AsNoTracking().ToListAsync());
        Assert.Equal(decisions.Count, decisions.Select(d => (d.RuleId, d.AppointmentId, d.AppointmentStartUtc)).Distinct().Count());
        Assert.Contains(decisions, d => d is { AppointmentId: var a, Outcome: AutomatedSendOutcome.Merged } && a == caraVisit && d.RuleId == confirmation);
        Assert.Contains(decisions, d => d.AppointmentId == fayVisit && d.RuleId == confirmation && d.SkipReason == AutomatedSkipReason.AlreadyConfirmed);
        Assert.Contains(decisions, d => d.AppointmentId == gusZ && d.RuleId == reminder && d.SkipReason == AutomatedSkipReason.DailyCapReached);
        Assert.Contains(decisions, d => d.AppointmentId == eveVisit && d.RuleId == reminder && d.SkipReason == AutomatedSkipReason.Cancelled);
        Assert.DoesNotContain(decisions, d => d.AppointmentId == danVisit && d.AppointmentStartUtc == danOldStart && d.RuleId == reminder);
        Assert.DoesNotContain(decisions, d => d.AppointmentId == halVisit);
        Assert.Equal(messages.Count, decisions.Count(d => d.Outcome == AutomatedSendOutcome.Sent));

        // The ledger: every message charged once through the campaigns, nothing left reserved, the check agrees.
        var integrity = await h.WithAsync<CreditIntegrityReport, CreditIntegrityCheck>(check => check.RunAsync());
        Assert.True(integrity.IsConsistent);
        Assert.Equal((1000 - messages.Sum(m => m.Cost), 0), (integrity.BalanceAvailable, integrity.BalanceReserved));
    }

    private static DateTimeOffset L(int month, int day, int hour, int minute) =>
        AutomationHarness.Local(new DateTime(2026, month, day, hour, minute, 0));

    private static async Task TickWithoutDispatchAsync(AutomationHarness h)
    {
        await using var scope = h.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AutomationScheduler>().RunAsync();
    }

    private static async Task<(int SickRuleId, (int Confirmation, int Reminder) Standard)> ConfigureRulesAsync(AutomationHarness h)
    {
        var ids = await h.QueryAsync(async db =>
        {
            var standard = await db.AutomationRules.Where(r => r.IsStandard).ToListAsync();
            foreach (var rule in standard)
            {
                rule.IsEnabled = true;
                rule.AppointmentTypes = "Well visit";
            }
            var reminderTemplate = standard.Single(r => r.Kind == AutomationKind.Reminder).TemplateId;
            var sick = new AutomationRule
            {
                Name = "Sick visit, 2 hours before", Kind = AutomationKind.Reminder, Timing = AutomationTiming.HoursBefore, HoursBefore = 2,
                AppointmentTypes = "Sick visit", TemplateId = reminderTemplate, IsEnabled = true,
            };
            db.AutomationRules.Add(sick);
            await db.SaveChangesAsync();
            return (sick.Id, (standard.Single(r => r.Kind == AutomationKind.Confirmation).Id, standard.Single(r => r.Kind == AutomationKind.Reminder).Id));
        });
        return ids;
    }
}
