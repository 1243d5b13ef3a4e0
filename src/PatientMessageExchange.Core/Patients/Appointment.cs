namespace PatientMessageExchange.Core.Patients;

public class Appointment
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }

    /// <summary>The scheduling system's id, when its export carries one; the key for re-imports.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The id of the EHR's Appointment resource, when the appointment came from the FHIR sync.</summary>
    public string? FhirId { get; set; }

    public DateTimeOffset StartUtc { get; set; }
    public int DurationMinutes { get; set; } = 15;
    public required string Location { get; set; }

    /// <summary>Well visit, sick visit, immunization, follow-up…</summary>
    public required string AppointmentType { get; set; }

    public AppointmentStatus Status { get; set; } = AppointmentStatus.Scheduled;
    public DateTimeOffset? ConfirmedUtc { get; set; }

    /// <summary>How the confirmation came: "text reply", "phone keypress", "front desk"…</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>When the family cancelled (by a text reply or the email link); the slot is then on the Cancellations worklist.</summary>
    public DateTimeOffset? CancelledUtc { get; set; }

    /// <summary>How the family cancelled: "text reply", "email link".</summary>
    public string? CancelledBy { get; set; }

    /// <summary>When the front desk marked the freed slot as dealt with; it leaves the worklist.</summary>
    public DateTimeOffset? CancellationHandledUtc { get; set; }
}
