using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Benchmarks.Reports;

/// <summary>
/// B5: the Messages Sent month report (groups, inbound, ledger line) through <see cref="MessagesSentReporter"/>, against
/// hand-written SQL giving the same numbers. The note adds the first page of one group's detail (ours vs SQL) and the
/// CSV export rate over the last year. It runs on SQLite (B5) and on PostgreSQL (B5-pg), each against hand-written
/// SQL on the same engine in the same run.
/// </summary>
public sealed class B5MessagesSentBenchmark(DatabaseProvider engine = DatabaseProvider.Sqlite) : IBenchmark
{
    private static readonly DateTimeOffset EndUtc = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private const double Target = 1.5;

    public string Name => engine == DatabaseProvider.PostgreSql ? "B5-pg" : "B5";

    public string Description => $"Messages Sent month report over two years of history ({engine})";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var messages = options.Quick ? 50_000 : 1_000_000;
        var workload = $"month report, {messages:N0} messages over 2 years, {engine}";
        if (BenchDatabase.Unavailable(engine) is { } missing)
        {
            return BenchmarkResult.Skipped(Name, workload, Target, higherIsBetter: false, missing);
        }
        var path = Path.Combine(options.WorkFolder, $"b5-{engine}.db");
        using var database = BenchDatabase.Create(engine, path);
        var dbOptions = database.Options;
        var seeding = Stopwatch.StartNew();
        await MessageHistorySeeder.SeedAsync(dbOptions, messages, EndUtc, ct);
        seeding.Stop();
        var month = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, EndUtc, NewYork);

        var ours = "";
        var oursTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
        {
            await using var db = new PmxDbContext(dbOptions);
            ours = Signature(await new MessagesSentReporter(db).BuildAsync(month, ct));
        });
        var baseline = "";
        var baselineTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
            baseline = await HandWrittenReport.MonthAsync(database, month.StartUtc, month.EndUtc, ct));

        var pageOurs = 0;
        var pageOursTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
        {
            await using var db = new PmxDbContext(dbOptions);
            var page = await new MessagesSentReporter(db).ListAsync(month, new MessagesSentFilter(Mode: ContactMode.Text), 1, ct: ct);
            pageOurs = page.TotalCount * 1000 + page.Items.Count;
        });
        var pageBaseline = 0;
        var pageBaselineTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
            pageBaseline = await HandWrittenReport.FirstPageAsync(database, ContactMode.Text, month.StartUtc, month.EndUtc,
                MessagesSentReporter.DefaultPageSize, ct));

        var (csvRows, csvTime, csvBytes) = await ExportYearAsync(dbOptions, ct);
        var size = database.IsPostgreSql ? "" : $", db {new FileInfo(path).Length / 1024d / 1024d:N0} MB";

        var same = ours == baseline && pageOurs == pageBaseline;
        var note = (same ? "same numbers" : $"NUMBERS DIFFER: ours {ours} / sql {baseline} / pages {pageOurs} vs {pageBaseline}") +
                   $"; {messages:N0} messages{size}, seeded in {seeding.Elapsed.TotalSeconds:N0} s" +
                   $"; Text detail page 1 of {pageOurs / 1000:N0}: {pageOursTime.TotalMilliseconds:N0} ms vs {pageBaselineTime.TotalMilliseconds:N0} ms " +
                   $"({pageOursTime.TotalMilliseconds / Math.Max(0.001, pageBaselineTime.TotalMilliseconds):N2}x)" +
                   $"; CSV of the last year: {csvRows:N0} rows in {csvTime.TotalSeconds:N1} s = {csvRows / csvTime.TotalSeconds:N0} rows/s, {csvBytes / 1024d / 1024d:N0} MB";
        return new BenchmarkResult(Name, workload, oursTime, baselineTime, Target, note);
    }

    private static async Task<(int Rows, TimeSpan Time, long Bytes)> ExportYearAsync(DbContextOptions<PmxDbContext> options, CancellationToken ct)
    {
        await using var db = new PmxDbContext(options);
        var audit = new AuditLog(db, SystemActor.Instance, new FakeTimeProvider(EndUtc));
        var exporter = new MessagesSentExporter(new MessagesSentReporter(db), new PracticeDirectory(db, audit), audit);
        var year = ReportPeriod.Custom(new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31), NewYork, out _)!;
        await using var sink = new CountingStream();
        var watch = Stopwatch.StartNew();
        var rows = await exporter.WriteCsvAsync(year, MessagesSentFilter.None, sink, ct);
        return (rows, watch.Elapsed, sink.Length);
    }

    private static string Signature(MessagesSentReport report)
    {
        var lines = report.Groups
            .SelectMany(g => StatusCounts.Columns.Where(s => g.Counts[s] > 0).Select(s => (Mode: (int)g.Mode, Status: (int)s, Count: g.Counts[s])))
            .OrderBy(c => c.Mode).ThenBy(c => c.Status)
            .Select(c => $"{(ContactMode)c.Mode}/{(Core.Campaigns.MessageStatus)c.Status}={c.Count}");
        var credits = report.Groups.Select(g => $"{g.Mode}:{g.Credits}");
        return string.Join(";", lines.Concat(credits)) + $"|inbound={report.Inbound.Count}/{report.Inbound.Credits}|ledger={report.ChargedPerLedger}";
    }
}
