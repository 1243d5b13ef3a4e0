namespace PatientMessageExchange.Core.Reports;

public sealed record StaffChoice(string UserId, string Name);
