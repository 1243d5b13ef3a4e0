namespace PatientMessageExchange.Core.Patients;

public sealed record PatientSearch(string? Query, bool IncludeInactive = false, int Page = 1, int PageSize = 25);
