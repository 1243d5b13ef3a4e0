using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// The one way the app writes CSV (R28): every cell is neutralized (<see cref="ExportCell"/>), and a cell is quoted when
/// it holds a comma, a semicolon, a quote, a line break or edge spaces, so that a spreadsheet set to use ';' as its
/// separator can't split a cell and find a formula in the second half.
/// </summary>
public sealed class SafeCsvWriter : IAsyncDisposable
{
    private readonly CsvWriter _csv;

    public SafeCsvWriter(TextWriter writer)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            ShouldQuote = args => NeedsQuotes(args.Field),
        };
        _csv = new CsvWriter(writer, configuration, leaveOpen: true);
    }

    public async Task WriteRowAsync(IEnumerable<string?> cells)
    {
        foreach (var cell in cells)
        {
            _csv.WriteField(ExportCell.Neutralize(cell));
        }
        await _csv.NextRecordAsync();
    }

    public Task FlushAsync() => _csv.FlushAsync();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private static bool NeedsQuotes(string? field) =>
        field is { Length: > 0 } &&
        (field.AsSpan().IndexOfAny(",;\"\r\n") >= 0 || field[0] == ' ' || field[^1] == ' ');
}
