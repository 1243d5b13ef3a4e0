using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// One scheduler run. For each enabled rule it finds the due appointments (<see cref="AutomationDueFinder"/>), plans
/// their messages through the same <see cref="CampaignPlanner"/> as a manual send (preferences, fallback past unusable
/// contacts, the family's language variant, the price), merges siblings' messages to one contact into one that names
/// every child, applies the daily cap per contact, and creates one campaign per rule through
/// <see cref="CampaignFactory"/> (reservation, batches, jobs — the one send path). The decisions are written in the
/// campaign's own transaction under the unique (rule, appointment, start) key, so a second worker or a rerun that
/// planned the same appointments rolls back and sends nothing twice. When the balance can't cover the run nothing is
/// sent, automated sending is marked paused (banner, email) and the next run that the balance covers resumes it.
/// </summary>
public class AutomationScheduler(
    PmxDbContext db,
    AutomationDueFinder finder,
    CampaignPlanner planner,
    CampaignFactory factory,
    RecipientRenderer renderer,
    PracticeDirectory practice,
    CreditLedger ledger,
    AutomationNotices notices,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<AutomationScheduler> logger)
{
    public async Task<AutomationRunReport> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rules = await db.AutomationRules.AsNoTracking().Where(r => r.IsEnabled).OrderBy(r => r.Id).ToListAsync(ct);
        if (rules.Count == 0)
        {
            return AutomationRunReport.Nothing;
        }
        var settings = await db.AutomationSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new AutomationSettings();
        var profile = await practice.GetAsync(ct);
        var zone = profile.TimeZone;
        var today = zone.LocalDate(now);
        var decisions = await finder.FindAsync(rules, settings, zone, now, now,
            TimeSpan.FromHours(options.Value.ConfirmationMinimumLeadHours), ct);
        var waiting = decisions.Count(d => d.Wait);

        var skipped = decisions.Where(d => d.Skip is not null)
            .Select(d => Record(d, today, now, AutomatedSendOutcome.Skipped, d.Skip, d.Explanation, null)).ToList();
        var runs = await PlanAsync(rules, decisions.Where(d => d.Send).ToList(), profile, settings, today, now, skipped, ct);

        var skippedCount = await RecordSkipsAsync(skipped, ct);
        var credits = runs.Sum(r => r.Draft.TotalCredits);
        if (runs.Count == 0)
        {
            return new AutomationRunReport(0, 0, skippedCount, waiting, 0, settings.PausedUtc is not null);
        }
        var balance = await ledger.GetBalance(ct);
        if (credits > balance.Available)
        {
            await notices.PauseAsync(credits, balance.Available, ct);
            return new AutomationRunReport(0, 0, skippedCount, waiting + runs.Sum(r => r.Records.Count), credits, true);
        }
        if (settings.PausedUtc is not null)
        {
            await notices.ResumeAsync(ct);
        }

        int messages = 0, merged = 0, charged = 0;
        foreach (var run in runs)
        {
            try
            {
                var created = await factory.CreateAsync(run.Draft, async (context, campaignId, cancel) =>
                {
                    foreach (var record in run.Records)
                    {
                        record.CampaignId = record.Outcome == AutomatedSendOutcome.Skipped ? record.CampaignId : campaignId;
                        context.AutomatedSends.Add(record);
                    }
                    await context.SaveChangesAsync(cancel);
                }, ct);
                if (!created.Succeeded)
                {
                    // Another writer spent the credits between the check and the reservation.
                    db.ChangeTracker.Clear();
                    await notices.PauseAsync(run.Draft.TotalCredits, created.AvailableCredits, ct);
                    return new AutomationRunReport(messages, merged, skippedCount, waiting, charged, true);
                }
                messages += run.Draft.Messages.Count;
                merged += run.Records.Count(r => r.Outcome == AutomatedSendOutcome.Merged);
                skippedCount += run.Records.Count(r => r.Outcome == AutomatedSendOutcome.Skipped);
                charged += run.Draft.TotalCredits;
                logger.LogInformation("Automation rule {RuleId} created campaign {CampaignId}: {Messages} messages",
                    run.Rule.Id, created.CampaignId, run.Draft.Messages.Count);
            }
            catch (DbUpdateException e)
            {
                // The unique (rule, appointment, start) key: another worker or run decided these first. Nothing of this
                // campaign was kept; the next run re-reads what is still undecided.
                db.ChangeTracker.Clear();
                logger.LogInformation(e, "Automation rule {RuleId}: another run decided these appointments first", run.Rule.Id);
            }
        }
        return new AutomationRunReport(messages, merged, skippedCount, waiting, charged, false);
    }

    /// <summary>
    /// Plans each rule's due appointments into a campaign draft with the decision rows that go with it. Appointments the
    /// plan can't reach, and those over the daily cap, become skips; siblings' messages to one address become one.
    /// </summary>
    private async Task<List<RuleRun>> PlanAsync(IReadOnlyList<AutomationRule> rules, List<AutomationDecision> due, PracticeProfile profile,
        AutomationSettings settings, DateOnly today, DateTimeOffset now, List<AutomatedSend> skipped, CancellationToken ct)
    {
        var runs = new List<RuleRun>();
        if (due.Count == 0)
        {
            return runs;
        }
        var sentToday = await SentTodayAsync(today, ct);
        foreach (var rule in rules)
        {
            var mine = due.Where(d => d.Rule.Id == rule.Id).OrderBy(d => d.Appointment.StartUtc).ThenBy(d => d.Appointment.Id).ToList();
            if (mine.Count == 0)
            {
                continue;
            }
            var kind = rule.Kind == AutomationKind.Confirmation ? CampaignKind.Confirmation : CampaignKind.Personalized;
            var description = $"Automated: {rule.Name}, {today.ToString("ddd MMM d, yyyy", CultureInfo.InvariantCulture)}";
            var audience = new Audience(mine.Select(d => new AudienceMember(d.Appointment.PatientId, d.Appointment.Id)).ToList(), description, []);
            var plan = await planner.PlanAsync(new PlanRequest(kind, rule.Need, rule.TemplateId, audience, Name: description), ct);
            if (plan.Draft is null)
            {
                skipped.AddRange(mine.Select(d => Record(d, today, now, AutomatedSendOutcome.Skipped, AutomatedSkipReason.TemplateUnavailable,
                    string.Join(" ", plan.Problems), null)));
                continue;
            }
            var byAppointment = plan.Draft.Messages.Where(m => m.AppointmentId is not null).ToDictionary(m => m.AppointmentId!.Value);
            var reasons = plan.Skipped.GroupBy(s => s.PatientId).ToDictionary(g => g.Key, g => g.First().Explanation);
            var records = new List<AutomatedSend>();
            var messages = new List<PlannedMessage>();
            foreach (var decision in mine.Where(d => !byAppointment.ContainsKey(d.Appointment.Id)))
            {
                records.Add(Record(decision, today, now, AutomatedSendOutcome.Skipped, AutomatedSkipReason.Unreachable,
                    reasons.GetValueOrDefault(decision.Appointment.PatientId, "Can't be reached for this need."), null));
            }
            var groups = mine.Where(d => byAppointment.ContainsKey(d.Appointment.Id))
                .GroupBy(d => byAppointment[d.Appointment.Id].Address, StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups)
            {
                var members = group.ToList();
                var address = byAppointment[members[0].Appointment.Id].Address;
                var count = sentToday.GetValueOrDefault(address);
                if (count >= settings.DailyCapPerContact)
                {
                    records.AddRange(members.Select(d => Record(d, today, now, AutomatedSendOutcome.Skipped, AutomatedSkipReason.DailyCapReached,
                        $"{count} automated message(s) already went to this contact today.", address)));
                    continue;
                }
                sentToday[address] = count + 1;
                var message = members.Count == 1
                    ? byAppointment[members[0].Appointment.Id]
                    : await MergeAsync(rule, members, byAppointment[members[0].Appointment.Id], profile, ct);
                messages.Add(message);
                records.Add(Record(members[0], today, now, AutomatedSendOutcome.Sent, null, null, address));
                records.AddRange(members.Skip(1).Select(d => Record(d, today, now, AutomatedSendOutcome.Merged, null,
                    "Named in a sibling's message to the same contact.", address)));
            }
            var draft = plan.Draft with
            {
                Messages = messages,
                Skips = plan.Draft.Skips,
                AutomationRuleId = rule.Id,
            };
            if (messages.Count == 0)
            {
                skipped.AddRange(records);
                continue;
            }
            runs.Add(new RuleRun(rule, draft, records));
        }
        return runs;
    }

    /// <summary>
    /// One message for several children reached at the same address: the first appointment's message, rendered with
    /// every child's name ("Ana and Leo", "Ana y Leo") where the template names the patient.
    /// </summary>
    private async Task<PlannedMessage> MergeAsync(AutomationRule rule, List<AutomationDecision> members, PlannedMessage first,
        PracticeProfile profile, CancellationToken ct)
    {
        var family = await TemplateLibrary.LoadFamilyAsync(db, rule.TemplateId, ct);
        var patientIds = members.Select(m => m.Appointment.PatientId).Distinct().ToArray();
        var patients = await db.Patients.AsNoTracking().Include(p => p.Guardians)
            .Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var appointmentIds = members.Select(m => m.Appointment.Id).ToArray();
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Provider)
            .Where(a => appointmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var firstAppointment = appointments[members[0].Appointment.Id];
        var lead = patients[members[0].Appointment.PatientId];
        var variant = family!.For(first.Language ?? lead.Language);
        static string Called(Patient p) => string.IsNullOrWhiteSpace(p.PreferredName) ? p.FirstName : p.PreferredName!;
        var names = patientIds.Select(id => Called(patients[id])).ToList();
        var joined = JoinNames(names, variant.Language);
        // Each child with their own appointment, in time order, for the appointment.summary field.
        var each = members.Select(m => new NamedAppointment(Called(patients[m.Appointment.PatientId]), appointments[m.Appointment.Id])).ToList();
        var together = new Patient
        {
            Id = lead.Id, ChartNumber = lead.ChartNumber, FirstName = joined, PreferredName = joined, LastName = lead.LastName,
            DateOfBirth = lead.DateOfBirth, Language = lead.Language, IsActive = lead.IsActive, Guardians = lead.Guardians,
        };
        var contact = new ResolvedContact(first.ContactPointId ?? 0, first.Mode, first.Address, null);
        var merged = renderer.Render(variant, contact, together, firstAppointment, null, profile, each);
        return merged with { ContactPointId = first.ContactPointId };
    }

    public static string JoinNames(IReadOnlyList<string> names, string? language) =>
        MergeDataFactory.JoinNames(names, MergeDataFactory.CultureFor(language));

    private async Task<Dictionary<string, int>> SentTodayAsync(DateOnly today, CancellationToken ct)
    {
        var rows = await db.AutomatedSends.AsNoTracking()
            .Where(s => s.PracticeDay == today && s.Outcome == AutomatedSendOutcome.Sent && s.Address != null)
            .GroupBy(s => s.Address!)
            .Select(g => new { Address = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            result[row.Address] = result.GetValueOrDefault(row.Address) + row.Count;
        }
        return result;
    }

    /// <summary>Skips cost nothing, so they are recorded whatever the balance; a row another run wrote first is left alone.</summary>
    private async Task<int> RecordSkipsAsync(List<AutomatedSend> skips, CancellationToken ct)
    {
        var written = 0;
        foreach (var skip in skips)
        {
            db.AutomatedSends.Add(skip);
            try
            {
                await db.SaveChangesAsync(ct);
                written++;
            }
            catch (DbUpdateException)
            {
                // Decided by another run already.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return written;
    }

    private static AutomatedSend Record(AutomationDecision d, DateOnly today, DateTimeOffset now, AutomatedSendOutcome outcome,
        AutomatedSkipReason? reason, string? explanation, string? address) => new()
    {
        RuleId = d.Rule.Id,
        AppointmentId = d.Appointment.Id,
        AppointmentStartUtc = d.Appointment.StartUtc,
        PatientId = d.Appointment.PatientId,
        DecidedUtc = now,
        PracticeDay = today,
        Outcome = outcome,
        SkipReason = reason,
        Explanation = explanation is { Length: > 500 } ? explanation[..500] : explanation,
        Address = address,
    };

    private sealed record RuleRun(AutomationRule Rule, CampaignDraft Draft, List<AutomatedSend> Records);
}
