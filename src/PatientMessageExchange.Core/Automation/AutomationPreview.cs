using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// What the rules list shows per rule: a dry run of the next 24 hours (the due appointments planned through the same
/// planner as a send — messages per channel, credits, who is skipped — writing nothing) and the last 7 days' decisions
/// and message outcomes. A disabled rule is previewed too, so an administrator sees what enabling it would do. The dry
/// run plans each rule on its own; the daily cap and sibling merging, which depend on what else goes out that day,
/// can only lower its counts.
/// </summary>
public class AutomationPreview(
    PmxDbContext db,
    AutomationDueFinder finder,
    CampaignPlanner planner,
    PracticeDirectory practice,
    IOptions<AutomationOptions> options,
    TimeProvider clock)
{
    public static readonly TimeSpan DryRunSpan = TimeSpan.FromHours(24);
    public static readonly TimeSpan HistorySpan = TimeSpan.FromDays(7);
    private const int ListedAppointments = 50;

    public async Task<IReadOnlyDictionary<int, AutomationRulePreview>> ForRulesAsync(IReadOnlyList<AutomationRule> rules, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var settings = await db.AutomationSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new AutomationSettings();
        var zone = (await practice.GetAsync(ct)).TimeZone;
        var decisions = await finder.FindAsync(rules, settings, zone, now, now + DryRunSpan,
            TimeSpan.FromHours(options.Value.ConfirmationMinimumLeadHours), ct);
        var since = now - HistorySpan;
        var outcomes = await db.AutomatedSends.AsNoTracking().Where(s => s.DecidedUtc >= since)
            .GroupBy(s => new { s.RuleId, s.Outcome, s.SkipReason })
            .Select(g => new { g.Key.RuleId, g.Key.Outcome, g.Key.SkipReason, Count = g.Count() }).ToListAsync(ct);
        var statuses = await (from m in db.Messages.AsNoTracking()
                              join c in db.Campaigns.AsNoTracking() on m.CampaignId equals c.Id
                              where c.AutomationRuleId != null && c.CreatedUtc >= since
                              group m by new { Rule = c.AutomationRuleId!.Value, m.Status } into g
                              select new { g.Key.Rule, g.Key.Status, Count = g.Count() }).ToListAsync(ct);

        var result = new Dictionary<int, AutomationRulePreview>();
        foreach (var rule in rules)
        {
            var mine = decisions.Where(d => d.Rule.Id == rule.Id).ToList();
            var sending = mine.Where(d => d.Skip is null && !d.Wait).OrderBy(d => d.Appointment.StartUtc).ToList();
            CampaignPlan? plan = null;
            if (sending.Count > 0)
            {
                var kind = rule.Kind == AutomationKind.Confirmation ? CampaignKind.Confirmation : CampaignKind.Personalized;
                var audience = new Audience(sending.Select(d => new AudienceMember(d.Appointment.PatientId, d.Appointment.Id)).ToList(), rule.Name, []);
                plan = await planner.PlanAsync(new PlanRequest(kind, rule.Need, rule.TemplateId, audience, Name: rule.Name), ct);
            }
            var patients = await NamesAsync(sending.Take(ListedAppointments).Select(d => d.Appointment.PatientId).Distinct().ToArray(), ct);
            result[rule.Id] = new AutomationRulePreview(
                sending.Count,
                plan?.ByMode.Select(m => new AutomationChannelCount(m.Mode, m.Messages, m.Credits)).ToList() ?? [],
                plan?.TotalCredits ?? 0,
                (plan?.Skipped.Count ?? 0) + mine.Count(d => d.Skip is not null),
                plan?.Problems.ToList() ?? [],
                sending.Take(ListedAppointments).Select(d => new AutomationPreviewItem(d.Appointment.Id,
                    patients.GetValueOrDefault(d.Appointment.PatientId, ""), d.Appointment.StartUtc,
                    d.SendAtUtc > now ? d.SendAtUtc : now)).ToList(),
                outcomes.Where(o => o.RuleId == rule.Id && o.Outcome == AutomatedSendOutcome.Sent).Sum(o => o.Count),
                outcomes.Where(o => o.RuleId == rule.Id && o.Outcome == AutomatedSendOutcome.Merged).Sum(o => o.Count),
                outcomes.Where(o => o.RuleId == rule.Id && o.Outcome == AutomatedSendOutcome.Skipped && o.SkipReason != null)
                    .GroupBy(o => o.SkipReason!.Value).ToDictionary(g => g.Key, g => g.Sum(o => o.Count)),
                statuses.Where(s => s.Rule == rule.Id).ToDictionary(s => s.Status, s => s.Count));
        }
        return result;
    }

    private async Task<Dictionary<int, string>> NamesAsync(int[] ids, CancellationToken ct) =>
        await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.LastName + ", " + (p.PreferredName ?? p.FirstName), ct);
}
