using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Data;
using Task = System.Threading.Tasks.Task;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// Works the write-back outbox: reads the EHR's Appointment, sets the patient participant's status (accepted, or
/// declined with the appointment cancelled) and updates it conditionally on the version read. A failure is retried
/// with doubling delays and, when the attempts run out, stays visible as failed on the sync page until staff retry it.
/// </summary>
public class EhrWriteBackProcessor(
    DbContextOptions<PmxDbContext> dbOptions,
    EhrSecrets secrets,
    IOptions<EhrOptions> options,
    TimeProvider clock,
    ILogger<EhrWriteBackProcessor> logger)
{
    private const int Batch = 50;

    /// <summary>Writes back every answer that is due; returns how many were written.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct = default)
    {
        await using var db = new PmxDbContext(dbOptions);
        var connection = await db.EhrConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (connection is not { Enabled: true })
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var due = await db.EhrWriteBacks
            .Where(w => w.Status == EhrWriteBackStatus.Pending && w.NextAttemptUtc <= now)
            .OrderBy(w => w.NextAttemptUtc).ThenBy(w => w.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        using var gateway = new EhrFhirGateway(connection.BaseUrl, secrets.Credentials(connection),
            TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds), clock);
        var written = 0;
        foreach (var item in due)
        {
            item.Attempts++;
            try
            {
                await WriteAsync(gateway, item, ct);
                item.Status = EhrWriteBackStatus.Done;
                item.CompletedUtc = clock.GetUtcNow();
                item.LastError = null;
                written++;
            }
            catch (EhrRequestException e)
            {
                item.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                if (item.Attempts >= options.Value.WriteBackAttempts)
                {
                    item.Status = EhrWriteBackStatus.Failed;
                    logger.LogWarning("EHR write-back {WriteBackId} failed for good after {Attempts} attempts: {Reason}",
                        item.Id, item.Attempts, e.Message);
                }
                else
                {
                    var delay = TimeSpan.FromSeconds(options.Value.WriteBackFirstRetrySeconds * Math.Pow(2, item.Attempts - 1));
                    item.NextAttemptUtc = clock.GetUtcNow() + (delay > TimeSpan.FromHours(6) ? TimeSpan.FromHours(6) : delay);
                    logger.LogInformation("EHR write-back {WriteBackId} attempt {Attempts} failed, retrying at {NextAttemptUtc}: {Reason}",
                        item.Id, item.Attempts, item.NextAttemptUtc, e.Message);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return written;
    }

    private static async Task WriteAsync(EhrFhirGateway gateway, EhrWriteBack item, CancellationToken ct)
    {
        var appointment = await gateway.ReadAsync<Appointment>("Appointment/" + item.AppointmentFhirId, ct)
                          ?? throw new EhrRequestException("The EHR no longer has this appointment.");
        var patient = appointment.Participant.FirstOrDefault(p => p.Actor?.Reference?.StartsWith("Patient/", StringComparison.Ordinal) == true)
                      ?? throw new EhrRequestException("The EHR's appointment has no patient participant.");
        patient.Status = item.Kind == EhrWriteBackKind.Confirmed ? ParticipationStatus.Accepted : ParticipationStatus.Declined;
        if (item.Kind == EhrWriteBackKind.Cancelled)
        {
            appointment.Status = Appointment.AppointmentStatus.Cancelled;
            appointment.CancelationReason ??= new CodeableConcept("http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
                "pat", "Patient");
        }
        else if (appointment.Status is Appointment.AppointmentStatus.Proposed or Appointment.AppointmentStatus.Pending)
        {
            // Every participant has now accepted a proposed or pending appointment only if the others already had.
            if (appointment.Participant.All(p => p.Status == ParticipationStatus.Accepted))
            {
                appointment.Status = Appointment.AppointmentStatus.Booked;
            }
        }
        await gateway.UpdateAppointmentAsync(appointment, ct);
    }

    /// <summary>Queues a failed write-back again, now.</summary>
    public async Task<bool> RetryAsync(int id, CancellationToken ct = default)
    {
        await using var db = new PmxDbContext(dbOptions);
        var now = clock.GetUtcNow();
        var changed = await db.EhrWriteBacks.Where(w => w.Id == id && w.Status == EhrWriteBackStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Status, EhrWriteBackStatus.Pending)
                .SetProperty(w => w.Attempts, 0)
                .SetProperty(w => w.NextAttemptUtc, now), ct);
        return changed == 1;
    }

}
