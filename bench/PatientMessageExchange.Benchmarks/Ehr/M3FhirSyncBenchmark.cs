using System.Diagnostics;
using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Benchmarks.Broadcasts;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Ehr;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace PatientMessageExchange.Benchmarks.Ehr;

/// <summary>
/// M3: a first sync of 10,000 patients (with their guardians) and 20,000 appointments from the local Medplum FHIR
/// server into an empty SQLite file database, through <see cref="EhrSync"/> with the default page size (Ehr:PageSize).
/// Absolute targets from the issue: under 60 s and a peak resident memory under 400 MB for the whole process. The
/// baseline is the time the same searches take when the pages are only fetched and parsed (the server's and the
/// client's share).
/// </summary>
public sealed class M3FhirSyncBenchmark : IBenchmark
{
    private const long LimitBytes = 400L * 1024 * 1024;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    public string Name => "M3";

    public string Description => "FHIR sync of 10,000 patients and 20,000 appointments, time and peak memory";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var patients = options.Quick ? 500 : 10_000;
        var appointments = patients * 2;
        var server = new MedplumFhirServer();
        await server.InitializeAsync();
        try
        {
            var ehr = SyntheticEhr.Generate(patients, appointments, DateTimeOffset.UtcNow);
            await server.LoadAsync(ehr.All, chunk: 2000);
            var guardians = ehr.Guardians.Count;
            ehr = null;

            var dbOptions = await BenchSqliteFile.CreateAsync(Path.Combine(options.WorkFolder, "m3.db"), ct);
            await using (var setup = new PmxDbContext(dbOptions))
            {
                setup.EhrConnections.Add(new EhrConnection
                {
                    Enabled = true, BaseUrl = server.FhirBaseUrl, PatientIdentifierSystem = SyntheticEhr.MrnSystem,
                });
                await setup.SaveChangesAsync(ct);
            }

            var fetchOnly = await FetchOnlyAsync(server.FhirBaseUrl, ct);

            GC.Collect();
            var peakReset = ProcessMemory.ResetPeak();
            var startRss = ProcessMemory.CurrentBytes();
            var sync = new EhrSync(dbOptions, new EhrSecrets(DataProtectionProvider.Create("pmx-bench")),
                new ContactNormalizer(Options.Create(new PatientRegistryOptions { DefaultPhoneRegion = "US" })),
                Options.Create(new EhrOptions { RequestTimeoutSeconds = 120 }), TimeProvider.System,
                NullLogger<EhrSync>.Instance);
            var watch = Stopwatch.StartNew();
            var run = await sync.RunAsync(ct);
            watch.Stop();
            var peak = ProcessMemory.PeakBytes();

            int storedPatients, storedAppointments, storedGuardians;
            await using (var check = new PmxDbContext(dbOptions))
            {
                storedPatients = await check.Patients.CountAsync(ct);
                storedAppointments = await check.Appointments.CountAsync(ct);
                storedGuardians = await check.Guardians.CountAsync(ct);
            }
            var correct = run is { Status: EhrSyncRunStatus.Succeeded, Skipped: 0 } && storedPatients == patients
                          && storedAppointments == appointments && storedGuardians == guardians;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{(correct ? "" : $"WRONG RESULT ({run?.Status} {run?.Error}): ")}{storedPatients:N0} patients, {storedGuardians:N0} guardians, " +
                $"{storedAppointments:N0} appointments stored in {run?.Pages} pages; fetching and parsing the same pages alone took " +
                $"{fetchOnly.TotalSeconds:N1} s; RSS before {startRss / 1048576.0:N0} MB" +
                $"{(peakReset ? " (peak reset there)" : " (peak NOT reset: it includes earlier benchmarks)")}; {Environment.ProcessorCount} cores");
            return new BenchmarkResult(Name, $"FHIR sync, {patients:N0} patients + {appointments:N0} appointments", watch.Elapsed,
                fetchOnly, 0, note)
            {
                OursText = string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:N1} s, peak {peak / 1048576.0:N0} MB"),
                BaselineText = string.Create(CultureInfo.InvariantCulture, $"fetch only {fetchOnly.TotalSeconds:N1} s"),
                RatioText = string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds / Math.Max(1, fetchOnly.TotalMilliseconds):0.00}"),
                TargetText = "< 60 s, peak < 400 MB",
                Passed = correct && watch.Elapsed < TimeLimit && peak < LimitBytes,
            };
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The same three paged searches, fetched and parsed by the Firely client and thrown away.</summary>
    private static async Task<TimeSpan> FetchOnlyAsync(string baseUrl, CancellationToken ct)
    {
        using var client = new FhirClient(baseUrl, new FhirClientSettings { PreferredFormat = ResourceFormat.Json, VerifyFhirVersion = false, Timeout = 120_000 });
        var watch = Stopwatch.StartNew();
        foreach (var type in new[] { "Patient", "RelatedPerson", "Appointment" })
        {
            var page = await client.SearchAsync(type, ["_sort=_lastUpdated"], pageSize: new EhrOptions().PageSize, ct: ct);
            while (page is not null)
            {
                page = await client.ContinueAsync(page, PageDirection.Next, ct);
            }
        }
        return watch.Elapsed;
    }
}
