using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Patients;

/// <summary>The practice's appointments for one local day, optionally for one provider or location.</summary>
public class ScheduleBook(PmxDbContext db, PracticeDirectory practice, TimeProvider clock)
{
    public DateOnly Today()
    {
        var zone = practice.GetTimeZone();
        return zone.LocalDate(clock.GetUtcNow());
    }

    public async Task<ScheduleDay> GetDayAsync(DateOnly date, string? provider, string? location, CancellationToken ct = default)
    {
        var zone = practice.GetTimeZone();
        var startUtc = zone.StartOfDayUtc(date);
        var endUtc = zone.StartOfDayUtc(date.AddDays(1));
        var query = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= startUtc && a.StartUtc < endUtc);
        var providers = await query.Select(a => a.Provider!.Name).Distinct().OrderBy(n => n).ToListAsync(ct);
        var locations = await query.Select(a => a.Location).Distinct().OrderBy(n => n).ToListAsync(ct);
        if (!string.IsNullOrEmpty(provider))
        {
            query = query.Where(a => a.Provider!.Name == provider);
        }
        if (!string.IsNullOrEmpty(location))
        {
            query = query.Where(a => a.Location == location);
        }
        var entries = await query
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Provider!.Name)
            .Select(a => new ScheduleEntry(a.Id, a.StartUtc, a.DurationMinutes, a.PatientId,
                a.Patient!.LastName + ", " + (a.Patient.PreferredName ?? a.Patient.FirstName), a.Patient.ChartNumber,
                a.Provider!.Name, a.Location, a.AppointmentType, a.Status, a.ConfirmedBy, a.ConfirmedUtc,
                db.InboundMessages.Any(i => i.AppointmentId == a.Id && i.Kind == InboundKind.CallbackRequest),
                db.InboundMessages.Any(i => i.AppointmentId == a.Id && i.Kind == InboundKind.NoResponse),
                db.Messages.Where(m => m.AppointmentId == a.Id &&
                                       db.Campaigns.Any(c => c.Id == m.CampaignId && c.Kind == CampaignKind.Confirmation))
                    .OrderByDescending(m => m.Id)
                    .Select(m => new ConfirmationRequestState(m.CreatedUtc, m.SentUtc, m.Channel, m.Status))
                    .FirstOrDefault()))
            .ToListAsync(ct);
        var ids = entries.Select(e => e.AppointmentId).ToArray();
        var notes = ids.Length == 0 ? [] : await (
            from s in db.AutomatedSends.AsNoTracking()
            join r in db.AutomationRules.AsNoTracking() on s.RuleId equals r.Id
            where s.AppointmentStartUtc >= startUtc && s.AppointmentStartUtc < endUtc && ids.Contains(s.AppointmentId)
            orderby s.DecidedUtc, s.Id
            select new AutomatedNote(s.AppointmentId, r.Name, s.Outcome, s.SkipReason, s.DecidedUtc)).ToListAsync(ct);
        return new ScheduleDay(date, zone, entries, providers, locations)
        {
            Automated = notes.GroupBy(n => n.AppointmentId).ToDictionary(g => g.Key, g => (IReadOnlyList<AutomatedNote>)g.ToList()),
        };
    }
}
