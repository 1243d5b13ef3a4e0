using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;

namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// Reads a delimited file one record at a time, straight from its bytes: the decoded text of the whole file is never
/// held, so an import's memory does not grow with the file. <see cref="CsvDocument"/> describes what is accepted.
/// </summary>
public sealed class CsvRecordStream : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly List<int> _badLines = [];
    private int _nextLine = 1;

    private CsvRecordStream(byte[] content)
    {
        var (encoding, offset) = DetectEncoding(content);
        Delimiter = SniffDelimiter(content, offset, encoding);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter.ToString(),
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            // Blank lines come through as empty records and are skipped below, so that line numbers stay true.
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => _badLines.Add(args.Context.Parser?.RawRow ?? 0),
        };
        _reader = Open(content, offset, encoding);
        _parser = new CsvParser(_reader, config);
        Headers = ReadHeaders();
    }

    public char Delimiter { get; }

    /// <summary>The first non-blank record; empty when the file has none.</summary>
    public IReadOnlyList<string> Headers { get; }

    public static CsvRecordStream Open(byte[] content) => new(content);

    /// <summary>
    /// The records after the header, in file order. A record whose shape is wrong (a misplaced quote, more fields than
    /// the header) comes back as an issue instead, so that the caller can count it as a row with a problem.
    /// </summary>
    public IEnumerable<(CsvRecordLine? Record, ImportIssue? Issue)> Read()
    {
        while (_parser.Read())
        {
            var startLine = _nextLine;
            _nextLine = _parser.RawRow + 1;
            var fields = _parser.Record ?? [];
            var endLine = _parser.RawRow;
            var misquoted = _badLines.Exists(l => l >= startLine && l <= endLine);
            _badLines.RemoveAll(l => l <= endLine);
            if (IsBlank(fields))
            {
                continue;
            }
            if (misquoted)
            {
                yield return (null, new ImportIssue(startLine, null,
                    "A quote character is misplaced, so the row's fields can't be read reliably."));
                continue;
            }
            if (fields.Length > Headers.Count && fields.Skip(Headers.Count).Any(f => f.Length > 0))
            {
                yield return (null, new ImportIssue(startLine, null,
                    $"The row has {fields.Length} fields but the header has {Headers.Count}; " +
                    $"check for an unquoted '{CsvDocument.DescribeDelimiter(Delimiter)}' inside a value."));
                continue;
            }
            yield return (new CsvRecordLine(startLine, fields), null);
        }
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }

    private string[] ReadHeaders()
    {
        while (_parser.Read())
        {
            _nextLine = _parser.RawRow + 1;
            var fields = _parser.Record ?? [];
            _badLines.Clear();
            if (!IsBlank(fields))
            {
                return fields;
            }
        }
        return [];
    }

    private static bool IsBlank(string[] fields) => fields.All(string.IsNullOrWhiteSpace);

    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static (Encoding Encoding, int Offset) DetectEncoding(byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return (Encoding.Unicode, 2);
        }
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, 2);
        }
        var offset = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        // Exports from older Windows systems are often Windows-1252, not Latin-1: 0x80-0x9F are ’ “ ” – € and friends
        // there, control characters in Latin-1. Bytes that are not valid UTF-8 tell us which we have.
        return Utf8.IsValid(content.AsSpan(offset))
            ? (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), offset)
            : (Windows1252, offset);
    }

    private static StreamReader Open(byte[] content, int offset, Encoding encoding) =>
        new(new MemoryStream(content, offset, content.Length - offset, writable: false), encoding,
            detectEncodingFromByteOrderMarks: false);

    /// <summary>Picks the separator that appears most in the header line, outside quotes.</summary>
    private static char SniffDelimiter(byte[] content, int offset, Encoding encoding)
    {
        char[] candidates = [',', ';', '\t', '|'];
        var counts = new int[candidates.Length];
        var inQuotes = false;
        using var reader = Open(content, offset, encoding);
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
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
