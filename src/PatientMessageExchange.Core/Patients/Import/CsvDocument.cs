namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// A delimited file as exported by another system: any BOM, UTF-8 or Windows-1252 text, ';' ',' or tab separators,
/// quoted fields with separators and line breaks inside. Each record keeps the line it started on for error reports.
/// </summary>
public sealed class CsvDocument
{
    private CsvDocument(char delimiter, IReadOnlyList<string> headers, IReadOnlyList<CsvRecordLine> records,
        IReadOnlyList<ImportIssue> structuralIssues)
    {
        Delimiter = delimiter;
        Headers = headers;
        Records = records;
        StructuralIssues = structuralIssues;
    }

    public char Delimiter { get; }
    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<CsvRecordLine> Records { get; }

    /// <summary>Problems with the file's shape (bad quoting, wrong field counts), by line.</summary>
    public IReadOnlyList<ImportIssue> StructuralIssues { get; }

    /// <summary>The whole file in memory; imports read it with <see cref="CsvRecordStream"/> instead.</summary>
    public static CsvDocument Parse(byte[] content)
    {
        using var stream = CsvRecordStream.Open(content);
        var records = new List<CsvRecordLine>();
        var issues = new List<ImportIssue>();
        foreach (var (record, issue) in stream.Read())
        {
            if (record is not null)
            {
                records.Add(record);
            }
            else
            {
                issues.Add(issue!);
            }
        }
        return new CsvDocument(stream.Delimiter, stream.Headers, records, issues);
    }

    public static string DescribeDelimiter(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => delimiter.ToString(),
    };
}
