using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Benchmarks.Broadcasts;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;

namespace PatientMessageExchange.Benchmarks.Import;

/// <summary>
/// M2: a 250,000-row patient CSV (each row a child with a guardian, an email and a mobile number) committed through
/// <see cref="PatientCsvImporter"/> into an empty SQLite file database, all or nothing in one transaction. The target is
/// absolute: peak resident memory of the whole process ≤ 400 MB.
/// </summary>
public sealed class M2PatientImportBenchmark : IBenchmark
{
    private const long LimitBytes = 400L * 1024 * 1024;

    public string Name => "M2";

    public string Description => "250,000-row patient CSV import committed in one transaction, peak memory";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var rows = options.Quick ? 10_000 : 250_000;
        var dbOptions = await BenchSqliteFile.CreateAsync(Path.Combine(options.WorkFolder, "m2.db"), ct);
        var csv = BuildCsv(rows);
        var fileBytes = csv.Length;
        var peakReset = ProcessMemory.ResetPeak();
        var startRss = ProcessMemory.CurrentBytes();

        var watch = Stopwatch.StartNew();
        ImportOutcome outcome;
        await using (var db = new PmxDbContext(dbOptions))
        {
            var clock = TimeProvider.System;
            var normalizer = new ContactNormalizer(Options.Create(new PatientRegistryOptions { DefaultPhoneRegion = "US" }));
            var importer = new PatientCsvImporter(db, new AuditLog(db, SystemActor.Instance, clock), normalizer, clock);
            outcome = await importer.CommitAsync(csv, importValidRowsOnly: false, ct);
        }
        csv = null;
        watch.Stop();
        var peak = ProcessMemory.PeakBytes();

        int patients, contacts;
        await using (var check = new PmxDbContext(dbOptions))
        {
            patients = await check.Patients.CountAsync(ct);
            contacts = await check.ContactPoints.CountAsync(ct);
        }
        var correct = outcome.Committed && outcome.Created == rows && patients == rows && contacts == rows * 2;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{(correct ? "" : "WRONG RESULT: ")}{outcome.Message} {patients:N0} patients and {contacts:N0} contact points stored; " +
            $"file {fileBytes / 1048576.0:N1} MB; {rows / watch.Elapsed.TotalSeconds:N0} rows/s; RSS before {startRss / 1048576.0:N0} MB" +
            $"{(peakReset ? " (peak reset there)" : " (peak NOT reset: it includes earlier benchmarks)")}; " +
            $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        return new BenchmarkResult(Name, $"patient import, {rows:N0} rows", watch.Elapsed, TimeSpan.Zero, 0, note)
        {
            OursText = string.Create(CultureInfo.InvariantCulture, $"peak {peak / 1048576.0:N0} MB, {watch.Elapsed.TotalSeconds:N0} s"),
            BaselineText = "—",
            RatioText = "—",
            TargetText = "peak ≤ 400 MB",
            Passed = correct && peak <= LimitBytes,
        };
    }

    private static byte[] BuildCsv(int rows)
    {
        var text = new StringBuilder("Chart #,First Name,Last Name,DOB,Language,Active,Parent First Name,Parent Last Name,Relationship,Email,Cell\n",
            rows * 110);
        for (var i = 1; i <= rows; i++)
        {
            // Distinct valid US mobile numbers: 617-2xx-xxxx with the last seven digits from the row number.
            text.Append(CultureInfo.InvariantCulture,
                $"M{i:D7},Child{i},Family{i % 5000},{2010 + i % 14}-{1 + i % 12:D2}-{1 + i % 28:D2},{(i % 7 == 0 ? "es" : "en")},Y," +
                $"Parent{i},Family{i % 5000},Mother,parent{i}@example.com,(617) {200 + i / 10_000 % 800:D3}-{i % 10_000:D4}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
