using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// What a family's answer does to an appointment, whichever way it came (text, phone keypress, email link): confirm it or cancel it.
/// Each is one conditional update, so a repeated answer changes nothing, and an appointment that has started or passed
/// is never changed. A cancellation puts the slot on the Cancellations worklist and, for an appointment from the EHR, is
/// written back to it. Both are audited as the patient.
/// </summary>
public static class AppointmentResponses
{
    /// <summary>
    /// Confirms or cancels <paramref name="appointmentId"/> and the brothers' and sisters' appointments answered with it;
    /// true when <paramref name="appointmentId"/> itself changed.
    /// </summary>
    public static async Task<bool> AnswerAsync(PmxDbContext db, int appointmentId, IEnumerable<int> siblings, bool confirm, string how,
        DateTimeOffset now, CancellationToken ct)
    {
        Task<bool> Answer(int id) => confirm ? ConfirmAsync(db, id, how, now, ct) : CancelAsync(db, id, how, now, ct);
        var changed = await Answer(appointmentId);
        foreach (var sibling in siblings)
        {
            await Answer(sibling);
        }
        return changed;
    }

    /// <summary>Confirms a scheduled appointment; a second confirmation (or a repeated webhook) changes nothing.</summary>
    public static async Task<bool> ConfirmAsync(PmxDbContext db, int appointmentId, string how, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.Appointments.Where(a => a.Id == appointmentId && a.Status == AppointmentStatus.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AppointmentStatus.Confirmed)
                .SetProperty(a => a.ConfirmedUtc, now)
                .SetProperty(a => a.ConfirmedBy, how), ct);
        if (updated == 1)
        {
            // An appointment that came from the EHR gets the answer written back to it (the outbox commits with it).
            await EhrWriteBackQueue.AddIfFromEhrAsync(db, appointmentId, EhrWriteBackKind.Confirmed, now, ct);
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredUtc = now, UserName = "patient", Action = AuditActions.AppointmentConfirmed, EntityType = nameof(Appointment),
                EntityId = appointmentId.ToString(CultureInfo.InvariantCulture), Detail = $"Confirmed by {how}",
            });
            await db.SaveChangesAsync(ct);
        }
        return updated == 1;
    }

    public static async Task<bool> CancelAsync(PmxDbContext db, int appointmentId, string how, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.Appointments
            .Where(a => a.Id == appointmentId && a.StartUtc > now
                        && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AppointmentStatus.Cancelled)
                .SetProperty(a => a.CancelledUtc, now)
                .SetProperty(a => a.CancelledBy, how)
                .SetProperty(a => a.CancellationHandledUtc, (DateTimeOffset?)null), ct);
        if (updated == 1)
        {
            // An appointment that came from the EHR is cancelled there too (the outbox row commits with the answer).
            await EhrWriteBackQueue.AddIfFromEhrAsync(db, appointmentId, EhrWriteBackKind.Cancelled, now, ct);
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredUtc = now, UserName = "patient", Action = AuditActions.AppointmentCancelled, EntityType = nameof(Appointment),
                EntityId = appointmentId.ToString(CultureInfo.InvariantCulture), Detail = $"Cancelled by {how}",
            });
            await db.SaveChangesAsync(ct);
        }
        return updated == 1;
    }

    /// <summary>
    /// The brothers' and sisters' appointments an automated message to <paramref name="address"/> named besides its own
    /// (the decisions merged into it), so that one answer confirms or cancels every appointment the family was asked about.
    /// </summary>
    public static Task<List<int>> MergedSiblingsAsync(PmxDbContext db, long campaignId, string address, CancellationToken ct) =>
        db.AutomatedSends.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.Address == address && s.Outcome == Automation.AutomatedSendOutcome.Merged)
            .Select(s => s.AppointmentId).ToListAsync(ct);

    /// <summary>Whether the appointment is still ahead, so that an answer can change it.</summary>
    public static Task<bool> IsAheadAsync(PmxDbContext db, int appointmentId, DateTimeOffset now, CancellationToken ct) =>
        db.Appointments.AnyAsync(a => a.Id == appointmentId && a.StartUtc > now, ct);
}
