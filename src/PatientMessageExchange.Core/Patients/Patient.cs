namespace PatientMessageExchange.Core.Patients;

public class Patient
{
    public int Id { get; set; }

    /// <summary>The practice management system's chart number; the key for re-imports.</summary>
    public required string ChartNumber { get; set; }

    public required string FirstName { get; set; }
    public string? PreferredName { get; set; }
    public required string LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }

    /// <summary>ISO 639-1 code of the family's preferred language, e.g. "en" or "es".</summary>
    public string Language { get; set; } = "en";

    public bool IsActive { get; set; } = true;

    /// <summary>The EHR's identifier system for <see cref="IdentifierValue"/>; with it, the key the FHIR sync matches on.</summary>
    public string? IdentifierSystem { get; set; }
    public string? IdentifierValue { get; set; }

    /// <summary>The id of the EHR's Patient resource, when the patient came from the FHIR sync.</summary>
    public string? FhirId { get; set; }

    /// <summary>The EHR's general practitioner for the patient, when known.</summary>
    public int? PrimaryProviderId { get; set; }
    public Provider? PrimaryProvider { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }

    public List<Guardian> Guardians { get; set; } = [];
    public List<ContactPoint> ContactPoints { get; set; } = [];
    public List<Appointment> Appointments { get; set; } = [];

    public string DisplayName => $"{LastName}, {PreferredName ?? FirstName}";

    public int AgeOn(DateOnly day) => Age(DateOfBirth, day);

    public static int Age(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (dateOfBirth > day.AddYears(-age))
        {
            age--;
        }
        return Math.Max(0, age);
    }

    public bool IsMinorOn(DateOnly day) => AgeOn(day) < 18;
}
