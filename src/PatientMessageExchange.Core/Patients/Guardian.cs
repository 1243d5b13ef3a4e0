namespace PatientMessageExchange.Core.Patients;

/// <summary>A parent or guardian through whom a minor patient is contacted.</summary>
public class Guardian
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>Mother, father, grandparent, legal guardian…</summary>
    public string? Relationship { get; set; }

    public bool IsPrimary { get; set; }

    /// <summary>The id of the EHR's RelatedPerson resource, when the guardian came from the FHIR sync.</summary>
    public string? FhirId { get; set; }

    public List<ContactPoint> ContactPoints { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}
