using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// Finds what each rule owes: the appointments still ahead whose send time has come (by <c>until</c>), with no
/// decision yet for (rule, appointment, start). Two set-based reads — the decisions already made for appointments in
/// the look-ahead, then the appointments up to the latest start any rule can be due for — and the rules' timing,
/// filters, status and the delivery window in memory. The scheduler asks as of now; the dry run asks for the next 24 hours.
/// </summary>
/// <remarks>
/// The appointment read is the part that grows with the schedule, so it is kept lean: it reads only the columns the
/// rules look at (the provider, type and location only when some rule filters on them; the status only when it is not
/// Scheduled) and is streamed once, in start order, with every rule looking at each row (no list of the whole
/// look-ahead is kept). Each rule's own look-ahead is exact (<see cref="LatestStart"/>), and a days-before rule's send
/// time is worked out once per local day. The type and location filters stay in memory so they are case-insensitive
/// (ordinal, trimmed) the same way on every database engine.
/// </remarks>
public class AutomationDueFinder(PmxDbContext db)
{
    public async Task<IReadOnlyList<AutomationDecision>> FindAsync(IReadOnlyList<AutomationRule> rules, AutomationSettings settings,
        TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset until, TimeSpan confirmationMinimumLead, CancellationToken ct = default)
    {
        if (rules.Count == 0)
        {
            return [];
        }
        var latestStarts = rules.Select(r => LatestStart(r, zone, until)).ToArray();
        var horizon = latestStarts.Max();
        if (horizon <= now)
        {
            return [];
        }
        var readTypes = rules.Any(r => r.AppointmentTypeList.Count > 0);
        var readLocations = rules.Any(r => r.LocationList.Count > 0);
        var readProviders = rules.Any(r => r.ProviderIdList.Count > 0);
        var ruleIds = rules.Select(r => r.Id).ToArray();
        var decided = new HashSet<(int, int, DateTimeOffset)>();
        await foreach (var row in db.AutomatedSends.AsNoTracking()
                           .Where(s => s.AppointmentStartUtc > now && s.AppointmentStartUtc <= horizon && ruleIds.Contains(s.RuleId))
                           .Select(s => new ValueTuple<int, int, DateTimeOffset>(s.RuleId, s.AppointmentId, s.AppointmentStartUtc))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            decided.Add(row);
        }

        var checks = rules.Select((rule, r) => new RuleCheck(rule, latestStarts[r])).ToArray();
        // The window's next opening depends only on when sending may start: for everything already due that is now.
        var openings = new Dictionary<DateTimeOffset, DateTimeOffset?>();
        // One pass over the appointments in start order, each looked at by every rule whose look-ahead reaches it.
        await foreach (var c in db.Appointments.AsNoTracking()
                           .Where(a => a.StartUtc > now && a.StartUtc <= horizon)
                           .OrderBy(a => a.StartUtc)
                           .Select(a => new Candidate(a.Id, a.PatientId, a.StartUtc,
                               readProviders ? a.ProviderId : 0,
                               readTypes ? a.AppointmentType : null,
                               readLocations ? a.Location : null,
                               a.Status == AppointmentStatus.Scheduled ? null : a.Status))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            DateOnly? localDay = null;
            DueAppointment? appointment = null;
            foreach (var check in checks)
            {
                var rule = check.Rule;
                if (c.StartUtc > check.LatestStart
                    || (check.Types.Count > 0 && !check.Types.Contains(c.AppointmentType!.Trim()))
                    || (check.Locations.Count > 0 && !check.Locations.Contains(c.Location!.Trim()))
                    || (check.Providers.Count > 0 && !check.Providers.Contains(c.ProviderId)))
                {
                    continue;
                }
                DateTimeOffset sendAt;
                if (rule.Timing == AutomationTiming.HoursBefore)
                {
                    sendAt = rule.SendAtUtc(c.StartUtc, zone);
                }
                else
                {
                    var day = localDay ??= zone.LocalDate(c.StartUtc);
                    if (!check.SendTimes.TryGetValue(day, out sendAt))
                    {
                        sendAt = rule.SendAtUtc(day, zone);
                        check.SendTimes.Add(day, sendAt);
                    }
                }
                if (sendAt > until || decided.Contains((rule.Id, c.Id, c.StartUtc)))
                {
                    continue;
                }
                var from = sendAt > now ? sendAt : now;
                if (!openings.TryGetValue(from, out var opening))
                {
                    opening = AutomationClock.NextOpening(settings, from, zone);
                    openings.Add(from, opening);
                }
                appointment ??= new DueAppointment(c.Id, c.PatientId, c.StartUtc, c.Status ?? AppointmentStatus.Scheduled);
                check.Found.Add(Decide(rule, appointment, sendAt, opening, until, confirmationMinimumLead));
            }
        }
        // Rule by rule, each in start order.
        var result = new List<AutomationDecision>(checks.Sum(c => c.Found.Count));
        foreach (var check in checks)
        {
            result.AddRange(check.Found);
        }
        return result;
    }

    /// <summary>
    /// The latest appointment start whose send time under <paramref name="rule"/> can have come by
    /// <paramref name="until"/>: the send time only grows with the start, so nothing after this is due yet.
    /// </summary>
    internal static DateTimeOffset LatestStart(AutomationRule rule, TimeZoneInfo zone, DateTimeOffset until)
    {
        if (rule.Timing == AutomationTiming.HoursBefore)
        {
            return until + TimeSpan.FromHours(rule.HoursBefore);
        }
        // Due by `until` means the appointment's local day is at most the last day whose send time has come, plus
        // DaysBefore; every instant of that day lies before the next day's local midnight.
        var today = zone.LocalDate(until);
        var lastSendDay = AutomationClock.LocalToUtc(today, rule.SendAtMinutes, zone) <= until ? today : today.AddDays(-1);
        return AutomationClock.LocalToUtc(lastSendDay.AddDays(rule.DaysBefore + 1), 0, zone);
    }

    /// <summary>What <paramref name="rule"/> makes of a due appointment, given the window's next opening after its send time.</summary>
    internal static AutomationDecision Decide(AutomationRule rule, DueAppointment a, DateTimeOffset sendAt, DateTimeOffset? opening,
        DateTimeOffset until, TimeSpan confirmationMinimumLead)
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

    /// <summary>One rule's filters, look-ahead, send times per local day (DaysBeforeAt) and what it found.</summary>
    private sealed class RuleCheck(AutomationRule rule, DateTimeOffset latestStart)
    {
        public AutomationRule Rule { get; } = rule;
        public DateTimeOffset LatestStart { get; } = latestStart;
        public HashSet<string> Types { get; } = rule.AppointmentTypeList.ToHashSet(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Locations { get; } = rule.LocationList.ToHashSet(StringComparer.OrdinalIgnoreCase);
        public HashSet<int> Providers { get; } = rule.ProviderIdList.ToHashSet();
        public Dictionary<DateOnly, DateTimeOffset> SendTimes { get; } = [];
        public List<AutomationDecision> Found { get; } = [];
    }

    /// <summary>
    /// An appointment as the finder reads it: the provider, type and location only when a rule filters on them (0 or
    /// null otherwise), the status only when it is not Scheduled (most are, and then no text has to be read).
    /// </summary>
    private readonly record struct Candidate(int Id, int PatientId, DateTimeOffset StartUtc, int ProviderId,
        string? AppointmentType, string? Location, AppointmentStatus? Status);
}
