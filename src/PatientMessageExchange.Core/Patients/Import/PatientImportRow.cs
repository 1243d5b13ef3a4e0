namespace PatientMessageExchange.Core.Patients.Import;

public sealed class PatientImportRow
{
    public required int Line { get; init; }
    public required string ChartNumber { get; init; }
    public required string FirstName { get; init; }
    public string? PreferredName { get; init; }
    public required string LastName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public string? Language { get; init; }
    public bool? IsActive { get; init; }
    public string? GuardianFirstName { get; init; }
    public string? GuardianLastName { get; init; }
    public string? GuardianRelationship { get; init; }

    /// <summary>Normalized values of the contact columns the file has; null means the cell was empty.</summary>
    public required IReadOnlyDictionary<ContactMode, string?> Contacts { get; init; }

    public bool HasGuardian => GuardianFirstName is not null || GuardianLastName is not null;
}
