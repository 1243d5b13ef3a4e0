using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// Finds what each rule owes: the appointments still ahead whose send time has come (by <c>until</c>), with no
/// decision yet for (rule, appointment, start). Two set-based reads — the appointments inside the longest rule's lead,
/// and the decisions already made for them — then the rules' timing, filters, status and the delivery window in memory.
/// The scheduler asks as of now; the dry run asks for the next 24 hours.
/// </summary>
public class AutomationDueFinder(PmxDbContext db)
{
    public async Task<IReadOnlyList<AutomationDecision>> FindAsync(IReadOnlyList<AutomationRule> rules, AutomationSettings settings,
        TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset until, TimeSpan confirmationMinimumLead, CancellationToken ct = default)
    {
        if (rules.Count == 0)
        {
            return [];
        }
        var horizon = until + rules.Max(r => r.MaxLead);
        var candidates = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc > now && a.StartUtc <= horizon)
            .Select(a => new DueAppointment(a.Id, a.PatientId, a.ProviderId, a.StartUtc, a.Location, a.AppointmentType, a.Status))
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }
        var ruleIds = rules.Select(r => r.Id).ToArray();
        var decided = new HashSet<(int, int, DateTimeOffset)>();
        await foreach (var row in db.AutomatedSends.AsNoTracking()
                           .Where(s => s.AppointmentStartUtc > now && s.AppointmentStartUtc <= horizon && ruleIds.Contains(s.RuleId))
                           .Select(s => new { s.RuleId, s.AppointmentId, s.AppointmentStartUtc })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            decided.Add((row.RuleId, row.AppointmentId, row.AppointmentStartUtc));
        }

        var result = new List<AutomationDecision>();
        foreach (var rule in rules)
        {
            var types = rule.AppointmentTypeList.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var locations = rule.LocationList.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var providers = rule.ProviderIdList.ToHashSet();
            foreach (var a in candidates)
            {
                if ((types.Count > 0 && !types.Contains(a.AppointmentType.Trim()))
                    || (locations.Count > 0 && !locations.Contains(a.Location.Trim()))
                    || (providers.Count > 0 && !providers.Contains(a.ProviderId)))
                {
                    continue;
                }
                var sendAt = rule.SendAtUtc(a.StartUtc, zone);
                if (sendAt > until || decided.Contains((rule.Id, a.Id, a.StartUtc)))
                {
                    continue;
                }
                result.Add(Decide(rule, a, sendAt, settings, zone, now, until, confirmationMinimumLead));
            }
        }
        return result;
    }

    internal static AutomationDecision Decide(AutomationRule rule, DueAppointment a, DateTimeOffset sendAt, AutomationSettings settings,
        TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset until, TimeSpan confirmationMinimumLead)
    {
        switch (a.Status)
        {
            case AppointmentStatus.Cancelled:
                return new(rule, a, sendAt, AutomatedSkipReason.Cancelled, null, false);
            case AppointmentStatus.Confirmed when rule.Kind == AutomationKind.Confirmation:
                return new(rule, a, sendAt, AutomatedSkipReason.AlreadyConfirmed, null, false);
            case AppointmentStatus.Completed or AppointmentStatus.NoShow:
                return new(rule, a, sendAt, AutomatedSkipReason.NotScheduled, null, false);
        }
        var from = sendAt > now ? sendAt : now;
        var opening = AutomationClock.NextOpening(settings, from, zone);
        // A confirmation needs time for the family to answer and the front desk to act; a reminder is useful until the start.
        // (A rule that itself asks closer than that is taken at its word.)
        var latest = rule.Kind == AutomationKind.Confirmation && a.StartUtc - sendAt > confirmationMinimumLead
            ? a.StartUtc - confirmationMinimumLead
            : a.StartUtc;
        if (opening is null || opening >= latest)
        {
            return new(rule, a, sendAt, AutomatedSkipReason.TooLate,
                opening is null ? "No delivery day is set." : "The delivery window does not open again in time.", false);
        }
        return new(rule, a, sendAt, null, null, opening > until);
    }
}
