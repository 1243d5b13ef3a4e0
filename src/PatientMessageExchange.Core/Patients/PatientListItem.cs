namespace PatientMessageExchange.Core.Patients;

public sealed record PatientListItem(
    int Id,
    string ChartNumber,
    string LastName,
    string FirstName,
    string? PreferredName,
    DateOnly DateOfBirth,
    string Language,
    bool IsActive,
    int ContactPointCount,
    int UnusableContactPointCount);
