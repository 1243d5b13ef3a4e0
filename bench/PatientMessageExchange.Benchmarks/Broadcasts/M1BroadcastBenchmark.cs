using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Benchmarks.Broadcasts;

/// <summary>
/// M1: a 100,000-address broadcast (from an uploaded CSV with case-variant duplicates and suppressed addresses) is
/// built, stored through <see cref="CampaignFactory"/> and sent by <see cref="BatchDispatcher"/> over MailKit to an SMTP
/// server on loopback in this process. The target is absolute: peak resident memory of the whole process ≤ 400 MB.
/// </summary>
public sealed class M1BroadcastBenchmark : IBenchmark
{
    private const long LimitBytes = 400L * 1024 * 1024;
    private const int BatchWorkers = 2;

    public string Name => "M1";

    public string Description => "100,000-address email broadcast created and sent to a loopback SMTP sink, peak memory";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var addresses = options.Quick ? 5_000 : 100_000;
        var databasePath = Path.Combine(options.WorkFolder, "m1.db");
        await using var sink = await CountingSmtpSink.StartAsync();
        var queue = new BenchDispatchQueue();
        await using var services = BuildServices(databasePath, sink.Port, queue);
        await PrepareAsync(services, addresses, ct);
        var csv = BuildCsv(addresses);
        var peakReset = ProcessMemory.ResetPeak();
        var startRss = ProcessMemory.CurrentBytes();

        var total = Stopwatch.StartNew();
        BroadcastSendResult created;
        await using (var scope = services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<BroadcastComposer>().SendAsync(new BroadcastOrder(
                new BroadcastListRequest { Csv = csv }, new BroadcastContent(null, "Flu clinic this Saturday", FluClinicBody),
                "M1 flu clinic", null), ct);
        }
        csv = null;
        var createTime = total.Elapsed;
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("M1 broadcast was refused: " + string.Join(" ", created.Errors.Values));
        }
        await Task.WhenAll(Enumerable.Range(0, BatchWorkers).Select(_ => Task.Run(async () =>
        {
            while (queue.Enqueued.TryDequeue(out var batchId))
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, ct);
            }
        }, ct)));
        total.Stop();
        var sendTime = total.Elapsed - createTime;
        var peak = ProcessMemory.PeakBytes();

        CreditBalanceSnapshot balance;
        int failed;
        string? firstError;
        await using (var scope = services.CreateAsyncScope())
        {
            balance = await scope.ServiceProvider.GetRequiredService<CreditLedger>().GetBalance(ct);
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            failed = await db.Messages.CountAsync(m => m.Status == MessageStatus.Failed, ct);
            firstError = await db.Messages.Where(m => m.Status == MessageStatus.Failed).Select(m => m.Error).FirstOrDefaultAsync(ct);
        }
        var problems = failed == 0 ? "" : $"; {failed:N0} failed at the sink ({firstError}; sink store errors: " +
            $"{(sink.StoreErrors.TryPeek(out var storeError) ? storeError : "none")}), their credits released";
        var correct = sink.Messages == addresses && sink.DistinctRecipients == addresses && sink.Repeats == 0 &&
                      sink.WithHeaders == addresses && balance.Reserved == 0 && balance.Available == Funding(addresses) - addresses;
        var throughput = addresses / sendTime.TotalSeconds;
        var removed = created.Estimate!.List.Removed.Count;
        var duplicates = created.Estimate.List.Duplicates;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{(correct ? "" : "WRONG RESULT: ")}{sink.Messages:N0} received, {sink.DistinctRecipients:N0} distinct, {sink.WithHeaders:N0} with one-click headers; " +
            $"{duplicates:N0} duplicates merged, {removed:N0} suppressed removed; created in {createTime.TotalSeconds:N1} s, " +
            $"sent in {sendTime.TotalSeconds:N1} s ({throughput:N0} msg/s); RSS before {startRss / 1048576.0:N0} MB{(peakReset ? " (peak reset there)" : " (peak NOT reset: it includes earlier benchmarks)")}; {BatchWorkers} batch workers × pool 4; " +
            $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC{problems}");
        return new BenchmarkResult(Name, $"broadcast to {addresses:N0} addresses", total.Elapsed, TimeSpan.Zero, 0, note)
        {
            OursText = string.Create(CultureInfo.InvariantCulture, $"peak {peak / 1048576.0:N0} MB, {throughput:N0} msg/s"),
            BaselineText = "—",
            RatioText = "—",
            TargetText = "peak ≤ 400 MB",
            Passed = correct && peak <= LimitBytes,
        };
    }

    private const string FluClinicBody =
        "<p>Dear families,</p><p>{{ practice.name }} is holding a flu clinic this Saturday from 9 to 12. Every child six months " +
        "and older can get a flu shot; no appointment is needed.</p><p>Questions? Call us at {{ practice.phone }}.</p>";

    private static int Funding(int addresses) => addresses + 10_000;

    private static byte[] BuildCsv(int addresses)
    {
        var text = new StringBuilder("Name,Email\n", addresses * 40);
        for (var i = 1; i <= addresses; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Family {i},family{i}@example.com\n");
            if (i % 50 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"Family {i} again,FAMILY{i}@Example.com\n");
            }
            if (i % 100 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"Gone {i},gone{i}@example.com\n");
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task PrepareAsync(ServiceProvider services, int addresses, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        await db.Database.EnsureCreatedAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        db.PracticeProfiles.Add(new PracticeProfile
        {
            Name = "Maple Pediatrics", Phone = "+16175550100", PostalAddress = "12 Maple Street, Springfield, MA 01101",
        });
        for (var i = 100; i <= addresses; i += 100)
        {
            db.Suppressions.Add(new Suppression
            {
                Address = $"gone{i}@example.com", Channel = SuppressionChannel.Email, Reason = Unsubscriber.Reason,
                CreatedUtc = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(Funding(addresses), "benchmark funding", "bench:funding", ct);
    }

    private static ServiceProvider BuildServices(string databasePath, int smtpPort, IDispatchQueue queue)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<PmxDbContext>(o => o.UseSqlite($"Data Source={databasePath};Default Timeout=60")
            .AddInterceptors(SqliteSynchronousInterceptor.Instance));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IActorContext>(SystemActor.Instance);
        services.AddSingleton(queue);
        services.AddSingleton(Options.Create(new DispatchOptions()));
        services.AddSingleton(Options.Create(new BroadcastOptions()));
        services.AddSingleton(Options.Create(new PublicUrlOptions { PublicBaseUrl = "https://messages.maple.example" }));
        services.AddSingleton(Options.Create(new PatientRegistryOptions()));
        services.AddSingleton(Options.Create(new EmailOptions { Provider = EmailProvider.Smtp, FromAddress = "news@maple.example" }));
        services.AddSingleton(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, Security = SmtpSecurity.None, PoolSize = 4 }));
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton(new UnsubscribeTokens(RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<IEmailHeaders, BroadcastCompliance>();
        services.AddSingleton<IChannelSender, EmailChannelSender>();
        services.AddSingleton<ContactNormalizer>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<MergeDataFactory>();
        services.AddScoped<CreditLedger>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PracticeDirectory>();
        services.AddScoped<TemplateLibrary>();
        services.AddScoped<ContactResolver>();
        services.AddScoped<BroadcastListBuilder>();
        services.AddScoped<BroadcastComposer>();
        services.AddScoped<CampaignFactory>();
        services.AddScoped<ProviderStatusRecorder>();
        services.AddScoped<BatchDispatcher>();
        services.AddScoped<ChannelFallback>();
        services.AddSingleton<RecipientRenderer>();
        services.AddSingleton<GroupCommit<AcceptedSend>>();
        return services.BuildServiceProvider();
    }
}
