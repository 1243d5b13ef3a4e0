using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Benchmarks.Resolution;

/// <summary>P1: resolve every patient of a 100k registry for one need, against a hand-written SQL join.</summary>
public sealed class P1ResolutionBenchmark : IBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public string Name => "P1";

    public string Description => "preference resolution for every patient, one need";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var patients = options.Quick ? 5_000 : 100_000;
        using var database = BenchDatabase.Create(DatabaseProvider.Sqlite, Path.Combine(options.WorkFolder, "p1.db"));
        var connectionString = database.ConnectionString;
        await ResolutionDataSeeder.SeedAsync(database, patients, ct);
        var clock = new FakeTimeProvider(Now);
        var dbOptions = database.Options;
        const Need need = Need.AppointmentReminder;

        IReadOnlyList<ContactResolution> ours = [];
        var oursTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
        {
            await using var db = new PmxDbContext(dbOptions);
            ours = await new ContactResolver(db, clock).ResolveAsync(db.Patients, [need], ct);
        });

        List<ContactResolution> baseline = [];
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var baselineTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
            baseline = await HandWrittenResolution.ResolveAllAsync(connectionString, need, today, ct));

        var differences = ours.Zip(baseline).Count(pair => Signature(pair.First) != Signature(pair.Second))
                          + Math.Abs(ours.Count - baseline.Count);
        var reachable = ours.Count(r => r.IsReachable);
        var note = differences == 0
            ? $"same answer for {ours.Count:N0} patients ({reachable:N0} reachable)"
            : $"ANSWERS DIFFER for {differences:N0} patients";
        return new BenchmarkResult(Name, $"resolve {patients:N0} patients, 1 need", oursTime, baselineTime,
            Target: 2.0, note);
    }

    private static string Signature(ContactResolution r) =>
        $"{r.PatientId}|{r.Source}|{r.Reason}|{string.Join(",", r.Order)}|" +
        $"{string.Join(",", r.Contacts.Select(c => c.ContactPointId))}|" +
        $"{string.Join(",", r.Skipped.Select(s => $"{s.Mode}:{s.Reason}:{s.ContactPointId}"))}";
}
