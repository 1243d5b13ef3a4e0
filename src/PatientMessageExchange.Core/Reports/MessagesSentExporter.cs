using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// Writes the message list as CSV or XLSX straight to a stream, one row at a time as the query reads it, so that a
/// year of history never sits in memory. Every export is audited (R26), also one the client abandons half-way.
/// </summary>
public class MessagesSentExporter(MessagesSentReporter reporter, PracticeDirectory practice, AuditLog audit)
{
    public async Task<int> WriteCsvAsync(ReportPeriod period, MessagesSentFilter filter, Stream output, CancellationToken ct = default)
    {
        var zone = practice.GetTimeZone();
        var rows = 0;
        var completed = false;
        try
        {
            await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
            await using (var csv = new SafeCsvWriter(text))
            {
                await csv.WriteRowAsync(MessagesSentColumns.Headers);
                await foreach (var row in reporter.StreamAsync(period, filter, ct))
                {
                    await csv.WriteRowAsync(MessagesSentColumns.Cells(row, zone));
                    rows++;
                }
                await csv.FlushAsync();
            }
            await text.FlushAsync(ct);
            completed = true;
            return rows;
        }
        finally
        {
            await AuditAsync(ExportFormat.Csv, period, filter, rows, completed);
        }
    }

    /// <summary>
    /// Writes an XLSX workbook. The zip library finishes the archive with synchronous writes, so a caller that passes
    /// an HTTP response body must allow synchronous IO for that one response.
    /// </summary>
    public async Task<int> WriteXlsxAsync(ReportPeriod period, MessagesSentFilter filter, Stream output, CancellationToken ct = default)
    {
        var zone = practice.GetTimeZone();
        var counter = new RowCounter();
        var completed = false;
        try
        {
            await XlsxSheetWriter.WriteAsync(output, "Messages sent", MessagesSentColumns.Headers,
                Lines(period, filter, zone, counter, ct), ct);
            completed = true;
            return counter.Count;
        }
        finally
        {
            await AuditAsync(ExportFormat.Xlsx, period, filter, counter.Count, completed);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<object>> Lines(ReportPeriod period, MessagesSentFilter filter,
        TimeZoneInfo zone, RowCounter counter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in reporter.StreamAsync(period, filter, ct))
        {
            counter.Count++;
            var cells = MessagesSentColumns.Cells(row, zone);
            // Credits stay a number, so the sheet can sum them.
            yield return [cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], row.Credits, cells[8]];
        }
    }

    private Task AuditAsync(ExportFormat format, ReportPeriod period, MessagesSentFilter filter, int rows, bool completed)
    {
        // PHI-free: the period, the filter's ids and enums, and a count; never names or addresses.
        var detail = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{format.ToString().ToUpperInvariant()} export, {period.IsoRange}, {rows:N0} rows");
        if (filter.Mode is { } mode)
        {
            detail.Append(CultureInfo.InvariantCulture, $", mode {mode}");
        }
        if (filter.CampaignId is { } campaign)
        {
            detail.Append(CultureInfo.InvariantCulture, $", campaign #{campaign}");
        }
        if (filter.Need is { } need)
        {
            detail.Append(CultureInfo.InvariantCulture, $", need {need}");
        }
        if (filter.StaffUserId is { Length: > 0 } staff)
        {
            detail.Append(CultureInfo.InvariantCulture, $", staff {staff}");
        }
        if (filter.Status is { } status)
        {
            detail.Append(CultureInfo.InvariantCulture, $", status {status}");
        }
        if (!completed)
        {
            detail.Append(", not completed");
        }
        // Not the request's token: an export that was abandoned half-way must still leave its audit record.
        return audit.RecordAsync(AuditActions.MessagesSentExported, "MessagesSentReport", period.IsoRange, detail.ToString(),
            CancellationToken.None);
    }

    private sealed class RowCounter
    {
        public int Count { get; set; }
    }
}
