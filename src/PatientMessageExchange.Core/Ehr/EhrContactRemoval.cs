using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// A contact point that came from the EHR and that staff removed in the app. The FHIR sync does not add that address or
/// number to the patient again (for the patient or any guardian); a different one from the EHR is still added.
/// </summary>
public class EhrContactRemoval
{
    public long Id { get; set; }
    public int PatientId { get; set; }
    public ContactMode Mode { get; set; }

    /// <summary>The value as stored on the contact point: a lower-cased email address or an E.164 number.</summary>
    public required string Value { get; set; }

    public DateTimeOffset RemovedUtc { get; set; }
}
