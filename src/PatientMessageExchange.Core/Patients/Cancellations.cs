using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Patients;

/// <summary>
/// The Cancellations worklist: appointments a family cancelled (by a text reply or the email link) that are still ahead
/// and that the front desk has not yet dealt with, soonest first, so the slot can be offered to someone else.
/// </summary>
public class Cancellations(PmxDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<CancellationItem>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Appointments.AsNoTracking()
            .Where(a => a.CancelledUtc != null && a.CancellationHandledUtc == null && a.Status == AppointmentStatus.Cancelled && a.StartUtc > now)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .Select(a => new CancellationItem(a.Id, a.PatientId, a.Patient!.LastName + ", " + (a.Patient.PreferredName ?? a.Patient.FirstName),
                a.StartUtc, a.Provider!.Name, a.Location, a.AppointmentType, a.CancelledUtc!.Value, a.CancelledBy ?? ""))
            .Take(500)
            .ToListAsync(ct);
    }

    public async Task<OperationResult> MarkHandledAsync(int appointmentId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var updated = await db.Appointments
            .Where(a => a.Id == appointmentId && a.CancelledUtc != null && a.CancellationHandledUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CancellationHandledUtc, now), ct);
        if (updated == 0)
        {
            return OperationResult.Fail("That cancellation is no longer on the list.");
        }
        await audit.RecordAsync(AuditActions.CancellationHandled, nameof(Appointment), appointmentId.ToString(CultureInfo.InvariantCulture),
            "Freed slot dealt with", ct);
        return OperationResult.Ok;
    }
}
