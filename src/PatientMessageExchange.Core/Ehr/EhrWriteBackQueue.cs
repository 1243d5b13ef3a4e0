using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// Queues a patient's answer for the EHR when the appointment came from it. The row is only added to the context: the
/// caller saves it with the answer's own audit row, inside the transaction that records the answer, so the answer and
/// its write-back commit together.
/// </summary>
public static class EhrWriteBackQueue
{
    public static async Task AddIfFromEhrAsync(PmxDbContext db, int appointmentId, EhrWriteBackKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var fhirId = await db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.FhirId).FirstOrDefaultAsync(ct);
        if (fhirId is not null)
        {
            db.EhrWriteBacks.Add(new EhrWriteBack
            {
                AppointmentId = appointmentId, AppointmentFhirId = fhirId, Kind = kind, CreatedUtc = now, NextAttemptUtc = now,
            });
        }
    }
}
