namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// A patient's answer waiting to be written to the EHR's Appointment: the outbox row is added in the same
/// transaction that records the answer, so a crash or an unreachable EHR never loses it.
/// </summary>
public class EhrWriteBack
{
    public int Id { get; set; }
    public int AppointmentId { get; set; }
    public required string AppointmentFhirId { get; set; }
    public EhrWriteBackKind Kind { get; set; }
    public EhrWriteBackStatus Status { get; set; } = EhrWriteBackStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset NextAttemptUtc { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }
    public string? LastError { get; set; }
}
