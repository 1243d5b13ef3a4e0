namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>Why a row can't be imported: its line in the file, the column at fault (if one), and the reason.</summary>
public sealed record ImportIssue(int Line, string? Column, string Message);
