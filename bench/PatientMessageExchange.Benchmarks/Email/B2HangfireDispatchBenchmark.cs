using System.Globalization;

namespace PatientMessageExchange.Benchmarks.Email;

/// <summary>
/// B2: the same email campaign run as Hangfire jobs (in-memory storage, the app's own BackgroundJobServer, the real
/// BatchJob → BatchDispatcher) against the dispatcher called directly with as many batches at once as Hangfire
/// has workers. Also reports how many Hangfire jobs a message costs.
/// </summary>
public sealed class B2HangfireDispatchBenchmark : IBenchmark
{
    private const double Target = 0.95;
    private const double JobsPerMessageTarget = 0.01;

    public string Name => "B2";

    public string Description => "email dispatch through Hangfire vs the dispatcher called directly";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct) =>
        (await RunAllAsync(options, ct))[0];

    public async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var count = options.Quick ? 1_000 : 20_000;
        var repetitions = 1;
        await using var sink = await SmtpSinkProcess.StartAsync(ct);
        var draft = EmailWorkload.Draft(count, 3 * 1024);
        if (!options.Quick)
        {
            var warmUp = draft with { Messages = draft.Messages.Take(1_000).ToList() };
            await EmailDispatchRun.RunAsync(options.WorkFolder, sink, warmUp, throughHangfire: false, ct);
            await EmailDispatchRun.RunAsync(options.WorkFolder, sink, warmUp, throughHangfire: true, ct);
        }
        var direct = new List<DispatchMeasurement>();
        var hangfire = new List<DispatchMeasurement>();
        for (var i = 0; i < repetitions; i++)
        {
            direct.Add(await EmailDispatchRun.RunAsync(options.WorkFolder, sink, draft, throughHangfire: false, ct));
            hangfire.Add(await EmailDispatchRun.RunAsync(options.WorkFolder, sink, draft, throughHangfire: true, ct));
        }
        var lost = direct.Concat(hangfire).Count(m => !m.AllArrived);
        var delivery = lost == 0 ? $"every run: all {count:N0} sent and received" : $"{lost} RUN(S) LOST MESSAGES";
        var jobs = hangfire.Max(m => m.Jobs);
        var batches = hangfire[0].Batches;
        var jobsPerMessage = (double)jobs / count;
        return
        [
            BenchmarkResult.Rates(Name, $"{count:N0} emails, ~3 KB: Hangfire vs direct",
                B1EmailDispatchBenchmark.Median(hangfire.Select(m => m.MessagesPerSecond)),
                B1EmailDispatchBenchmark.Median(direct.Select(m => m.MessagesPerSecond)), "msg/s", Target,
                $"{repetitions} run each (full mode: after a 1,000-message warm-up); {delivery}; {EmailDispatchRun.Workers} Hangfire workers vs {EmailDispatchRun.Workers} batches at once"),
            new BenchmarkResult(Name, $"{count:N0} emails: Hangfire jobs per message", TimeSpan.Zero, TimeSpan.Zero,
                JobsPerMessageTarget, string.Create(CultureInfo.InvariantCulture,
                    $"{jobs} batch jobs ran for {batches} batches (read from Hangfire's storage)"))
            {
                MeasuredRatio = jobsPerMessage,
                OursText = string.Create(CultureInfo.InvariantCulture, $"{jobs} jobs"),
                BaselineText = string.Create(CultureInfo.InvariantCulture, $"{count:N0} msgs"),
            },
        ];
    }
}
