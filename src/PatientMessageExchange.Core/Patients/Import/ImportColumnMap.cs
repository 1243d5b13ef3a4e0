namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>Maps a file's header row onto the fields an importer understands, whatever their order or spelling.</summary>
public sealed class ImportColumnMap
{
    private readonly Dictionary<string, int> _indexByField;

    private ImportColumnMap(Dictionary<string, int> indexByField, IReadOnlyList<string> ignored, IReadOnlyList<ImportIssue> issues)
    {
        _indexByField = indexByField;
        IgnoredColumns = ignored;
        Issues = issues;
    }

    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Missing required columns and duplicated columns; any of these stops the whole import.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; }

    public static ImportColumnMap Build(IReadOnlyList<string> headers, IReadOnlyList<ImportField> fields)
    {
        var indexByField = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var issues = new List<ImportIssue>();
        for (var i = 0; i < headers.Count; i++)
        {
            var canonical = Canonical(headers[i]);
            var field = fields.FirstOrDefault(f => f.Spellings.Contains(canonical));
            if (field is null)
            {
                if (headers[i].Trim().Length > 0)
                {
                    ignored.Add(headers[i].Trim());
                }
                continue;
            }
            if (!indexByField.TryAdd(field.Name, i))
            {
                issues.Add(new ImportIssue(1, headers[i], $"The column {field.Name} appears twice."));
            }
        }
        foreach (var missing in fields.Where(f => f.Required && !indexByField.ContainsKey(f.Name)))
        {
            issues.Add(new ImportIssue(1, missing.Name, $"The required column {missing.Name} is missing from the header row."));
        }
        return new ImportColumnMap(indexByField, ignored, issues);
    }

    public bool Has(string field) => _indexByField.ContainsKey(field);

    /// <summary>The trimmed value, or null when the column is absent or the cell is empty.</summary>
    public string? Get(CsvRecordLine record, string field)
    {
        if (!_indexByField.TryGetValue(field, out var index) || index >= record.Fields.Count)
        {
            return null;
        }
        var value = record.Fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Lower-case letters and digits only: "Chart #", "chart_no" and "ChartNo" compare alike.</summary>
    public static string Canonical(string header) =>
        new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
