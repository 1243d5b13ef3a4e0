namespace PatientMessageExchange.Core.Patients;

/// <summary>
/// One way to reach a patient: an email address or a phone number in one contact mode. When it belongs to a
/// guardian, <see cref="GuardianId"/> says whose it is; it always belongs to the patient it reaches.
/// </summary>
public class ContactPoint
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int? GuardianId { get; set; }
    public Guardian? Guardian { get; set; }

    public ContactMode Mode { get; set; }

    /// <summary>Lower-cased email address, or an E.164 phone number.</summary>
    public required string Value { get; set; }

    public ContactPointStatus Status { get; set; } = ContactPointStatus.Valid;
    public string? StatusReason { get; set; }
    public DateTimeOffset? StatusChangedUtc { get; set; }

    /// <summary>
    /// When staff marked the current problem as looked at (a genuine opt-out, say); it leaves the fix-records list until
    /// the status changes again.
    /// </summary>
    public DateTimeOffset? ReviewedUtc { get; set; }

    /// <summary>The FHIR sync added it from the EHR's telecom, and may replace or remove it while nobody edits it here.</summary>
    public bool FromEhr { get; set; }

    /// <summary>When staff last corrected it in the app; from then on the FHIR sync leaves it alone.</summary>
    public DateTimeOffset? EditedLocallyUtc { get; set; }

    public bool IsUsable => Status == ContactPointStatus.Valid;
}
