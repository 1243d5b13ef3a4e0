namespace PatientMessageExchange.Core.Patients.Import;

public sealed record ImportOutcome(bool Committed, int Created, int Updated, int SkippedRows, string Message);
