using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Benchmarks.Resolution;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Benchmarks.Campaigns;

/// <summary>
/// B4: creating a personalized campaign for every patient of a 100k registry (resolve with ContactResolver, render
/// and price with CampaignPlanner, then CampaignFactory's one transaction: campaign, batches, bulk-inserted messages,
/// skips and the credit reservation) against a raw insert of the same message rows: a prepared INSERT on SQLite (B4), a
/// binary COPY on PostgreSQL (B4-pg), each on the same engine in the same run.
/// </summary>
public sealed class B4CampaignCreationBenchmark(DatabaseProvider engine = DatabaseProvider.Sqlite) : IBenchmark
{
    private const double Target = 0.5;

    public string Name => engine == DatabaseProvider.PostgreSql ? "B4-pg" : "B4";

    public string Description => $"creating a 100k-recipient campaign vs a raw insert of its rows ({engine})";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var patients = options.Quick ? 5_000 : 100_000;
        var repetitions = options.Quick ? 1 : 3;
        var workload = $"campaign for {patients:N0} patients, {engine}";
        if (BenchDatabase.Unavailable(engine) is { } missing)
        {
            return BenchmarkResult.Skipped(Name, workload, Target, higherIsBetter: true, missing);
        }
        var folder = Path.Combine(options.WorkFolder, $"b4-{engine}");
        using var database = BenchDatabase.Create(engine, Path.Combine(folder, "pmx.db"));
        var settings = new Dictionary<string, string?> { ["Hosting:Role"] = "Web" };
        if (database.IsPostgreSql)
        {
            settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSql);
            settings["Database:ConnectionString"] = database.ConnectionString;
        }
        using var host = new BenchAppHost(folder, settings, services =>
        {
            services.RemoveAll<IDispatchQueue>();
            services.AddSingleton<IDispatchQueue>(new HeldDispatchQueue(null));
        });
        await host.SetUpPracticeAsync(credits: 100_000_000);
        await ResolutionDataSeeder.SeedAsync(database, patients, ct);
        var templateId = await WithScopeAsync(host, sp => sp.GetRequiredService<PmxDbContext>().MessageTemplates
            .Where(t => t.Need == Need.AppointmentReminder && t.Language == "en" && t.VariantOfId == null)
            .Select(t => t.Id).FirstAsync(ct));
        var audience = new Audience(Enumerable.Range(1, patients).Select(id => new AudienceMember(id)).ToList(),
            $"all {patients:N0} patients", []);
        var request = new PlanRequest(CampaignKind.Personalized, Need.AppointmentReminder, templateId, audience);

        var plans = new List<TimeSpan>();
        var stores = new List<TimeSpan>();
        var totals = new List<TimeSpan>();
        var raws = new List<TimeSpan>();
        CampaignDraft? draft = null;
        for (var i = 0; i < repetitions + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            long campaignId;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var plan = await scope.ServiceProvider.GetRequiredService<CampaignPlanner>().PlanAsync(request, ct);
                var planned = watch.Elapsed;
                draft = plan.Draft ?? throw new InvalidOperationException(string.Join(" ", plan.Problems));
                var created = await scope.ServiceProvider.GetRequiredService<CampaignFactory>().CreateAsync(draft, ct);
                campaignId = created.CampaignId ?? throw new InvalidOperationException(created.Refusal);
                if (i > 0)
                {
                    plans.Add(planned);
                    stores.Add(watch.Elapsed - planned);
                    totals.Add(watch.Elapsed);
                }
            }

            var rawWatch = Stopwatch.StartNew();
            await RawMessageInsert.InsertAsync(database, campaignId, draft.Messages, 250, ct);
            if (i > 0)
            {
                raws.Add(rawWatch.Elapsed);
            }
        }

        var messages = draft!.Messages.Count;
        var stored = await WithScopeAsync(host, sp => sp.GetRequiredService<PmxDbContext>().Messages.CountAsync(ct));
        var expected = (long)messages * (repetitions + 1) * 2;
        var byChannel = string.Join(", ", draft.Messages.GroupBy(m => m.Mode.ToChannel()).OrderBy(g => g.Key)
            .Select(g => $"{g.Count():N0} {g.Key.ToString().ToLowerInvariant()}"));
        var check = stored == expected
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"; ROW COUNT {stored:N0}, EXPECTED {expected:N0}");
        var note = string.Create(CultureInfo.InvariantCulture,
            $"median of {repetitions}; {messages:N0} messages ({byChannel}) and {draft.Skips.Count:N0} skips; " +
            $"plan (resolve + render + price) {Median(plans).TotalMilliseconds:N0} ms, store (factory) {Median(stores).TotalMilliseconds:N0} ms{check}");
        return new BenchmarkResult(Name, workload, Median(totals), Median(raws), Target, note)
        {
            HigherIsBetter = true,
        };
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<T> WithScopeAsync<T>(BenchAppHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
