namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// The problems found in a file: all of them counted, only the first <see cref="Limit"/> by line kept, so that a file
/// where every row is wrong can't fill memory with messages nobody would read to the end.
/// </summary>
public sealed class ImportIssueLog(int limit)
{
    private List<ImportIssue> _kept = [];

    public int Limit { get; } = limit;

    public int Count { get; private set; }

    public void Add(ImportIssue issue)
    {
        Count++;
        _kept.Add(issue);
        if (_kept.Count >= 2 * Limit)
        {
            _kept = Ordered();
        }
    }

    public void AddRange(List<ImportIssue> issues)
    {
        foreach (var issue in issues)
        {
            Add(issue);
        }
        issues.Clear();
    }

    /// <summary>The kept problems in line order; a stable sort keeps a line's problems in the order they were found.</summary>
    public List<ImportIssue> Ordered() => _kept.OrderBy(i => i.Line).Take(Limit).ToList();
}
