namespace PatientMessageExchange.Core.Patients;

public class Provider
{
    public int Id { get; set; }

    /// <summary>The name as the schedule prints it, e.g. "Dr. Lee".</summary>
    public required string Name { get; set; }

    /// <summary>The name as a phone call says it, e.g. "Doctor Lee".</summary>
    public required string SpokenName { get; set; }

    /// <summary>The id of the EHR's Practitioner resource, when the provider came from the FHIR sync.</summary>
    public string? FhirId { get; set; }
}
