using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Benchmarks.Email;

/// <summary>
/// One email campaign through the real app: a fresh SQLite file, CampaignFactory stores the campaign, then its
/// batches run through BatchDispatcher with the real SmtpEmailTransport to the sink, either called directly (as
/// many batches at once as Hangfire has workers) or as Hangfire jobs on the app's in-memory BackgroundJobServer.
/// </summary>
public static class EmailDispatchRun
{
    public const int PoolSize = 4;

    /// <summary>Senders per batch: the app's default, twice the pool (each sender also waits for its commit).</summary>
    public const int Senders = PoolSize * 2;

    /// <summary>The app's default: Jobs:WorkerCount is max(2, cores).</summary>
    public static int Workers => Math.Max(2, Environment.ProcessorCount);

    public static async Task<DispatchMeasurement> RunAsync(string folder, SmtpSinkProcess sink, CampaignDraft draft,
        bool throughHangfire, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Smtp",
            ["App:PublicBaseUrl"] = "https://pmx.example",
            ["Email:FromAddress"] = EmailWorkload.FromAddress,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:PoolSize"] = PoolSize.ToString(CultureInfo.InvariantCulture),
            ["Dispatch:EmailConcurrency"] = Senders.ToString(CultureInfo.InvariantCulture),
            // Without Hangfire the app runs no job server at all (the web role), so nothing else picks up batches.
            ["Hosting:Role"] = throughHangfire ? "All" : "Web",
            ["Jobs:WorkerCount"] = Workers.ToString(CultureInfo.InvariantCulture),
        };
        using var host = new BenchAppHost(Path.Combine(folder, Guid.NewGuid().ToString("N")), settings, services =>
        {
            services.RemoveAll<IDispatchQueue>();
            services.AddSingleton(sp => new HeldDispatchQueue(
                throughHangfire ? new HangfireDispatchQueue(sp.GetRequiredService<IBackgroundJobClient>()) : null));
            services.AddSingleton<IDispatchQueue>(sp => sp.GetRequiredService<HeldDispatchQueue>());
        });
        await host.SetUpPracticeAsync(draft.TotalCredits + 100);
        var held = host.Services.GetRequiredService<HeldDispatchQueue>();
        await sink.ResetAsync(ct);

        var creationWatch = Stopwatch.StartNew();
        long campaignId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CampaignFactory>().CreateAsync(draft, ct);
            campaignId = created.CampaignId ?? throw new InvalidOperationException($"The campaign was refused: {created.Refusal}");
        }
        var creation = creationWatch.Elapsed;

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int batches;
        if (throughHangfire)
        {
            batches = await CountBatchesAsync(host, campaignId, ct);
            held.Release();
            await WaitForCompletionAsync(host, campaignId, ct);
        }
        else
        {
            var ids = held.TakeHeld();
            batches = ids.Count;
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = ct },
                async (batchId, cancel) =>
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, cancel);
                });
        }
        var elapsed = watch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var (received, bytes) = await sink.CountAsync(ct);
        int sent;
        CampaignStatus status;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            sent = await db.Messages.CountAsync(m => m.CampaignId == campaignId && m.Status == MessageStatus.Sent, ct);
            status = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync(ct);
        }
        if (status != CampaignStatus.Completed)
        {
            throw new InvalidOperationException($"Campaign {campaignId} ended {status}, not Completed.");
        }
        var jobs = throughHangfire ? CountBatchJobs(host) : 0;
        return new DispatchMeasurement(elapsed, creation, draft.Messages.Count, sent, received, bytes, batches, jobs, cpu);
    }

    private static async Task<int> CountBatchesAsync(BenchAppHost host, long campaignId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PmxDbContext>().DispatchBatches.CountAsync(b => b.CampaignId == campaignId, ct);
    }

    private static async Task WaitForCompletionAsync(BenchAppHost host, long campaignId, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        while (await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync(ct)
               != CampaignStatus.Completed)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"Campaign {campaignId} did not complete through Hangfire within 10 minutes.");
            }
            await Task.Delay(10, ct);
        }
    }

    /// <summary>Batch jobs Hangfire ran, read from its own storage rather than from what we handed it.</summary>
    private static int CountBatchJobs(BenchAppHost host)
    {
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var succeeded = monitoring.SucceededJobs(0, 100_000).Count(j => j.Value.Job?.Type == typeof(BatchJob));
        var failed = monitoring.FailedJobs(0, 100_000).Count(j => j.Value.Job?.Type == typeof(BatchJob));
        var processing = monitoring.ProcessingJobs(0, 100_000).Count(j => j.Value.Job?.Type == typeof(BatchJob));
        return succeeded + failed + processing;
    }
}
