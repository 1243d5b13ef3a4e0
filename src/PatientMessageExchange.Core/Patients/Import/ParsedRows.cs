namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>The rows of a file that passed validation, the issues of those that did not, and the file's shape.</summary>
public sealed record ParsedRows<TRow>(
    CsvDocument Document,
    ImportColumnMap Columns,
    IReadOnlyList<TRow> Valid,
    IReadOnlyList<ImportIssue> Issues,
    int TotalRows);
