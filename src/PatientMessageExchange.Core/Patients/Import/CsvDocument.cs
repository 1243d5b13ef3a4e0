using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

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

    public static CsvDocument Parse(byte[] content)
    {
        var text = Decode(content);
        var delimiter = SniffDelimiter(text);
        var issues = new List<ImportIssue>();
        var records = new List<CsvRecordLine>();
        string[] headers = [];

        var badLines = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            // Blank lines come through as empty records and are skipped below, so that line numbers stay true.
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => badLines.Add(args.Context.Parser?.RawRow ?? 0),
        };

        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        var nextLine = 1;
        while (parser.Read())
        {
            var startLine = nextLine;
            nextLine = parser.RawRow + 1;
            var fields = parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (headers.Length == 0)
            {
                headers = fields;
                continue;
            }
            var endLine = parser.RawRow;
            if (badLines.Any(l => l >= startLine && l <= endLine))
            {
                issues.Add(new ImportIssue(startLine, null,
                    "A quote character is misplaced, so the row's fields can't be read reliably."));
                continue;
            }
            if (fields.Length > headers.Length && fields.Skip(headers.Length).Any(f => f.Length > 0))
            {
                issues.Add(new ImportIssue(startLine, null,
                    $"The row has {fields.Length} fields but the header has {headers.Length}; " +
                    $"check for an unquoted '{DescribeDelimiter(delimiter)}' inside a value."));
                continue;
            }
            records.Add(new CsvRecordLine(startLine, fields));
        }

        return new CsvDocument(delimiter, headers, records, issues);
    }

    public static string DescribeDelimiter(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => delimiter.ToString(),
    };

    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string Decode(byte[] content)
    {
        // Exports from older Windows systems are often Windows-1252; a strict UTF-8 decode tells us which we have.
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var offset = 0;
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            offset = 3;
        }
        else if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }
        else if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }
        try
        {
            return strictUtf8.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            // Windows-1252, not Latin-1: 0x80-0x9F are ’ “ ” – € and friends there, control characters in Latin-1.
            return Windows1252.GetString(content, offset, content.Length - offset);
        }
    }

    /// <summary>Picks the separator that appears most in the header line, outside quotes.</summary>
    private static char SniffDelimiter(string text)
    {
        char[] candidates = [',', ';', '\t', '|'];
        var counts = new int[candidates.Length];
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                if (counts.Any(n => n > 0))
                {
                    break;
                }
            }
            else if (!inQuotes)
            {
                var index = Array.IndexOf(candidates, c);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }
        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }
        return candidates[best];
    }
}
