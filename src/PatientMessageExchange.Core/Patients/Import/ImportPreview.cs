namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// What an import would do, shown to staff before anything is written. <see cref="Issues"/> holds the first problems
/// by line, at most a page's worth; <see cref="IssueCount"/> counts them all.
/// </summary>
public sealed record ImportPreview(
    ImportKind Kind,
    string Delimiter,
    int TotalRows,
    int ValidRows,
    int NewCount,
    int UpdateCount,
    IReadOnlyList<ImportIssue> Issues,
    int IssueCount,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<string> SampleHeaders,
    IReadOnlyList<IReadOnlyList<string>> SampleRows)
{
    /// <summary>Header problems make every row unreadable, so nothing can be imported at all.</summary>
    public bool IsUnreadable => TotalRows == 0 || Issues.Any(i => i.Line == 1 && ValidRows == 0);

    public int InvalidRows => TotalRows - ValidRows;
}
