using System.Diagnostics;
using System.Globalization;
using MimeKit;
using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Benchmarks.Email;

/// <summary>
/// B1: personalized emails through the real campaign path (CampaignFactory into a SQLite file, then BatchDispatcher
/// with the real pooled SmtpEmailTransport) to an SMTP sink in another process, against bare pooled MailKit sending
/// the same messages pre-built, at about 3 KB and about 12 KB.
/// </summary>
public sealed class B1EmailDispatchBenchmark : IBenchmark
{
    private const double Target = 0.75;
    private const double LargeVersusSmallTarget = 0.6;

    public string Name => "B1";

    public string Description => "email dispatch through the campaign path vs bare pooled MailKit";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct) =>
        (await RunAllAsync(options, ct))[0];

    public async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var count = options.Quick ? 1_000 : 20_000;
        var repetitions = 1;
        await using var sink = await SmtpSinkProcess.StartAsync(ct);
        var small = await MeasureAsync(options, sink, count, 3 * 1024, repetitions, ct);
        var large = await MeasureAsync(options, sink, count, 12 * 1024, repetitions, ct);
        return
        [
            small.Result,
            large.Result,
            BenchmarkResult.Rates(Name, $"{count:N0} emails: ~12 KB rate vs ~3 KB rate, ours", large.Ours, small.Ours, "msg/s",
                LargeVersusSmallTarget, string.Create(CultureInfo.InvariantCulture,
                    $"bare MailKit: 12 KB at {large.Baseline / small.Baseline:N2}× its 3 KB rate")),
        ];
    }

    private async Task<(BenchmarkResult Result, double Ours, double Baseline)> MeasureAsync(BenchmarkOptions options,
        SmtpSinkProcess sink, int count, int approximateBytes, int repetitions, CancellationToken ct)
    {
        var draft = EmailWorkload.Draft(count, approximateBytes);
        var prebuilt = EmailWorkload.Prebuilt(draft);
        if (!options.Quick)
        {
            // JIT, connection set-up and SQLite's first pages, on a small campaign of the same messages.
            var warmUp = draft with { Messages = draft.Messages.Take(1_000).ToList() };
            await EmailDispatchRun.RunAsync(options.WorkFolder, sink, warmUp, throughHangfire: false, ct);
            await BaselineAsync(sink, prebuilt.Take(1_000).ToList(), ct);
        }

        var ours = new List<DispatchMeasurement>();
        var baseline = new List<double>();
        var baselineCpu = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            ours.Add(await EmailDispatchRun.RunAsync(options.WorkFolder, sink, draft, throughHangfire: false, ct));
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            baseline.Add(await BaselineAsync(sink, prebuilt, ct));
            baselineCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / prebuilt.Count);
        }
        var oursRate = Median(ours.Select(m => m.MessagesPerSecond));
        var baselineRate = Median(baseline);
        var typical = ours[0];
        var lost = ours.Count(m => !m.AllArrived);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{repetitions} run (full mode: after a 1,000-message warm-up); {(lost == 0 ? $"every run: all {count:N0} sent, charged once and received" : $"{lost} RUN(S) LOST MESSAGES")}; " +
            $"{typical.ReceivedBytes / Math.Max(1, typical.Received):N0} B per message on the wire; {typical.Batches} batches × {EmailDispatchRun.Workers} at once, " +
            $"pool {EmailDispatchRun.PoolSize}, {EmailDispatchRun.Senders} senders per batch; CPU per message (this process, less distorted by a busy machine than the rates): ours {Median(ours.Select(m => m.CpuMicrosecondsPerMessage)):N0} µs, " +
            $"bare {Median(baselineCpu):N0} µs (its messages pre-built); campaign stored in {typical.Creation.TotalMilliseconds:N0} ms (not timed)");
        var workload = $"{count:N0} personalized emails, ~{approximateBytes / 1024} KB";
        return (BenchmarkResult.Rates(Name, workload, oursRate, baselineRate, "msg/s", Target, note), oursRate, baselineRate);
    }

    private static async Task<double> BaselineAsync(SmtpSinkProcess sink, List<MimeMessage> messages, CancellationToken ct)
    {
        await sink.ResetAsync(ct);
        var elapsed = await BareMailKitSender.SendAllAsync(messages, "127.0.0.1", sink.Port, EmailDispatchRun.PoolSize, ct);
        var (received, _) = await sink.CountAsync(ct);
        if (received != messages.Count)
        {
            throw new InvalidOperationException($"The baseline sent {messages.Count} messages but the sink received {received}.");
        }
        return messages.Count / elapsed.TotalSeconds;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
