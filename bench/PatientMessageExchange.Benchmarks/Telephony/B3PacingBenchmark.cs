using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Benchmarks.Telephony;

/// <summary>
/// B3: texts (or calls) created through <see cref="CampaignFactory"/> and sent by <see cref="BatchDispatcher"/> with the
/// real <see cref="SmsChannelSender"/> / <see cref="VoiceChannelSender"/> and the real Twilio SDK, against a local fake
/// that answers 10% of creates 429 with Retry-After. The cap is the configured MPS or CPS; the fake's arrival times
/// give the achieved request rate and the busiest one-second window. Every message must end accepted, exactly once.
/// </summary>
public sealed class B3PacingBenchmark(Channel channel) : IBenchmark
{
    private const double ThrottleShare = 0.10;
    private const int RetryAfterSeconds = 1;
    private const int BatchWorkers = 3;

    public string Name => channel == Channel.Sms ? "B3-sms" : "B3-voice";

    public string Description => channel == Channel.Sms
        ? "texts through SmsChannelSender at the MPS cap against a Twilio fake with 10% 429s"
        : "calls through VoiceChannelSender at the CPS cap against a Twilio fake with 10% 429s";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var (count, cap) = (channel, options.Quick) switch
        {
            (Channel.Sms, false) => (10_000, 100),
            (Channel.Sms, true) => (50, 25),
            (_, false) => (300, 1),
            _ => (10, 5),
        };
        using var fake = new PacingTwilioFake(ThrottleShare, RetryAfterSeconds, seed: 3);
        var queue = new PacedDispatchQueue();
        await using var services = BuildServices(Path.Combine(options.WorkFolder, $"b3-{channel}.db".ToLowerInvariant()), fake.BaseUrl, cap, queue);
        await PrepareAsync(services, count + cap, ct);

        // Warm-up: one second's worth at the cap through the same path (JIT of the SDK and our code, the first HTTP
        // connections), so that the measured run's first requests are not delayed more than the later ones. Its
        // requests are then forgotten by the fake; its messages stay out of the checks below.
        await SendCampaignAsync(services, queue, Draft(cap, "warm-up", offset: count), ct);
        fake.Creates.Clear();

        var total = Stopwatch.StartNew();
        var campaignId = await SendCampaignAsync(services, queue, Draft(count, "measured", offset: 0), ct);
        total.Stop();

        var creates = fake.Creates.OrderBy(c => c.ArrivedTicks).ToList();
        var span = Stopwatch.GetElapsedTime(creates[0].ArrivedTicks, creates[^1].ArrivedTicks);
        var overall = (creates.Count - 1) / span.TotalSeconds;
        // The achieved rate is measured while there was work to send: up to the last message's first attempt. After
        // it, only retries of 429s remain, and those must wait their Retry-After whatever the pacing does.
        var seen = new HashSet<string>();
        var lastFirst = 0;
        for (var i = 0; i < creates.Count; i++)
        {
            if (seen.Add(creates[i].To))
            {
                lastFirst = i;
            }
        }
        var sending = Stopwatch.GetElapsedTime(creates[0].ArrivedTicks, creates[lastFirst].ArrivedTicks);
        var rate = lastFirst / sending.TotalSeconds;
        var busiest = BusiestSecond(creates);
        var accepted = creates.Where(c => c.Accepted).ToList();
        var throttled = creates.Count - accepted.Count;
        var duplicated = accepted.GroupBy(c => c.To).Sum(g => g.Count() - 1);
        List<Message> messages;
        CreditBalanceSnapshot balance;
        await using (var scope = services.CreateAsyncScope())
        {
            messages = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Messages.AsNoTracking()
                .Where(m => m.CampaignId == campaignId).ToListAsync(ct);
            balance = await scope.ServiceProvider.GetRequiredService<CreditLedger>().GetBalance(ct);
        }
        var acceptedSids = accepted.Select(c => c.Sid).ToHashSet();
        var lost = messages.Count(m => m.Status is not (MessageStatus.Sent or MessageStatus.Delivered) || !acceptedSids.Contains(m.ProviderMessageId))
                   + (count - messages.Count);
        foreach (var m in messages.Where(m => m.Status is not (MessageStatus.Sent or MessageStatus.Delivered) || !acceptedSids.Contains(m.ProviderMessageId)))
        {
            Console.Error.WriteLine($"B3 not accepted: message {m.Id} {m.Status} attempts {m.Attempts} sid {m.ProviderMessageId} error {m.Error}");
        }
        var unit = channel == Channel.Sms ? "MPS" : "CPS";
        var ratio = rate / cap;
        var goodput = (accepted.Count - 1) / Stopwatch.GetElapsedTime(accepted[0].ArrivedTicks, accepted[^1].ArrivedTicks).TotalSeconds;
        var charged = balance.Reserved == 0 && balance.Available == Funding(count + cap) - (count + cap) * Cost;
        var passed = ratio >= 0.97 && busiest <= cap && lost == 0 && duplicated == 0 && charged;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{creates.Count:N0} create requests ({throttled:N0} answered 429, Retry-After {RetryAfterSeconds} s); {lastFirst + 1:N0} up to the last first attempt in {sending.TotalSeconds:N1} s; " +
            $"whole run incl. the Retry-After tail {span.TotalSeconds:N1} s = {overall:N2} {unit} ({overall / cap:N3}×); " +
            $"busiest 1-s window {busiest} (cap {cap}); accepted {accepted.Count:N0} of {count:N0}: {lost} lost, {duplicated} duplicated; " +
            $"accepted-only rate {goodput:N2} {unit} ({goodput / cap:N2}× the cap, the 429s took their slots); " +
            $"credits {(charged ? "charged once each, nothing left reserved" : $"WRONG: available {balance.Available}, reserved {balance.Reserved}")}; " +
            $"{BatchWorkers} batch workers, wall {total.Elapsed.TotalSeconds:N1} s");
        return new BenchmarkResult(Name, $"{count:N0} {(channel == Channel.Sms ? "texts" : "calls")} at {cap} {unit}, 10% 429s",
            total.Elapsed, TimeSpan.Zero, 0, note)
        {
            OursText = string.Create(CultureInfo.InvariantCulture, $"{rate:N2} {unit} requested"),
            BaselineText = string.Create(CultureInfo.InvariantCulture, $"cap {cap} {unit}"),
            RatioText = ratio.ToString("N3", CultureInfo.InvariantCulture),
            TargetText = "≥ 0.97, never over the cap, 0 lost / 0 duplicated",
            Passed = passed,
        };
    }

    private int Cost => channel == Channel.Sms ? 3 : 5;

    private int Funding(int count) => count * Cost + 1000;

    /// <summary>Creates the campaign and runs its batches on the workers until every one is done.</summary>
    private static async Task<long> SendCampaignAsync(ServiceProvider services, PacedDispatchQueue queue, CampaignDraft draft, CancellationToken ct)
    {
        long campaignId;
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CampaignFactory>().CreateAsync(draft, ct);
            campaignId = created.CampaignId ?? throw new InvalidOperationException("B3 campaign was refused: " + created.Refusal);
        }
        await queue.DrainAsync(BatchWorkers, async batchId =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, ct);
        }, ct);
        return campaignId;
    }

    /// <summary>The most requests that arrived within any one second (a half-open window starting at each request).</summary>
    internal static int BusiestSecond(IReadOnlyList<TimedCreate> creates)
    {
        var best = 0;
        var end = 0;
        for (var start = 0; start < creates.Count; start++)
        {
            while (end < creates.Count && Stopwatch.GetElapsedTime(creates[start].ArrivedTicks, creates[end].ArrivedTicks) < TimeSpan.FromSeconds(1))
            {
                end++;
            }
            best = Math.Max(best, end - start);
        }
        return best;
    }

    private CampaignDraft Draft(int count, string label, int offset)
    {
        var mode = channel == Channel.Sms ? ContactMode.Text : ContactMode.Phone;
        var messages = Enumerable.Range(0, count)
            .Select(i => new PlannedMessage(null, null, null, mode, string.Create(CultureInfo.InvariantCulture, $"+1617{5550000 + offset + i:D7}"), null,
                string.Create(CultureInfo.InvariantCulture, $"Maple Pediatrics: a reminder of your visit tomorrow at 10:00 ({i})."), "en",
                channel == Channel.Sms ? 1 : 0, Cost))
            .ToList();
        return new CampaignDraft(CampaignKind.Personalized, $"B3 {Name} {label}", Need.AppointmentReminder, null, null, null,
            channel == Channel.Sms ? "sms" : null, channel == Channel.Sms ? null : "voice", "benchmark audience", null, messages, []);
    }

    private async Task PrepareAsync(ServiceProvider services, int count, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        await db.Database.EnsureCreatedAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        db.PracticeProfiles.Add(new PracticeProfile { Name = "Maple Pediatrics", Phone = "+16175550100", PostalAddress = "12 Maple Street" });
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(Funding(count), "benchmark funding", "bench:funding", ct);
    }

    private static ServiceProvider BuildServices(string databasePath, string fakeBaseUrl, int cap, IDispatchQueue queue)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<PmxDbContext>(o => o.UseSqlite($"Data Source={databasePath};Default Timeout=60")
            .AddInterceptors(SqliteSynchronousInterceptor.Instance));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IActorContext>(SystemActor.Instance);
        services.AddSingleton(queue);
        // Every message must end accepted: enough attempts that a message hit by several 429s in a row is not given up.
        services.AddSingleton(Options.Create(new DispatchOptions
        {
            SendWindowStart = TimeOnly.MinValue, SendWindowEnd = TimeOnly.MaxValue, MaxAttempts = 10,
        }));
        services.AddSingleton(Options.Create(new TwilioOptions
        {
            AccountSid = "ACbench", AuthToken = "bench-token", FromNumber = "+16175550199", VoiceCallerId = "+16175550199",
            PublicBaseUrl = "https://pmx.example", MessagesPerSecond = cap, CallsPerSecond = cap, ApiBaseUrlOverride = fakeBaseUrl,
        }));
        services.AddSingleton<TwilioApi>();
        services.AddSingleton<ISmsGateway, TwilioSmsGateway>();
        services.AddSingleton<IVoiceGateway, TwilioVoiceGateway>();
        services.AddSingleton<IChannelSender, SmsChannelSender>();
        services.AddSingleton<IChannelSender, VoiceChannelSender>();
        services.AddScoped<CreditLedger>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CampaignFactory>();
        services.AddScoped<ProviderStatusRecorder>();
        services.AddScoped<BatchDispatcher>();
        services.AddScoped<ChannelFallback>();
        services.AddSingleton(Options.Create(new PatientRegistryOptions()));
        services.AddSingleton<ContactNormalizer>();
        services.AddSingleton<RecipientRenderer>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<MergeDataFactory>();
        services.AddSingleton<GroupCommit<AcceptedSend>>();
        return services.BuildServiceProvider();
    }
}
