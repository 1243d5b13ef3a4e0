using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Benchmarks.Email;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Benchmarks.Reports;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Benchmarks.Web;

/// <summary>
/// B6: the Personalized Messages page and the Messages Sent report (this month, over a few thousand messages) under
/// wrk (32 connections), signed in, against the real app on Kestrel, versus a bare Kestrel endpoint writing the same
/// bytes.
/// </summary>
public sealed partial class B6PageLoadBenchmark : IBenchmark
{
    private const double Target = 0.4;
    private const int Connections = 32;
    private const string ReportPage = "/MessagesSent?Period=ThisMonth";
    private static readonly string[] Pages = ["/PersonalizedMessages", ReportPage];

    /// <summary>Messages of history over the last 8 weeks, so this month's report counts a few thousand.</summary>
    private const int HistoryMessages = 10_000;

    public string Name => "B6";

    public string Description => "signed-in pages under wrk vs bare Kestrel writing the same bytes";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct) =>
        (await RunAllAsync(options, ct))[0];

    public async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(BenchmarkOptions options, CancellationToken ct)
    {
        // PMX_B6_PAGES=/a,/b measures other signed-in pages (e.g. one with only the layout) with the same set-up.
        var pages = Environment.GetEnvironmentVariable("PMX_B6_PAGES") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Pages;
        var duration = TimeSpan.FromSeconds(options.Quick ? 2 : 10);
        var wrk = Wrk.Find();
        if (wrk is null)
        {
            Console.Error.WriteLine("B6 skipped: wrk is not installed (Debian: apt-get install wrk).");
            return pages.Select(p => BenchmarkResult.Skipped(Name, Workload(p, duration), Target, higherIsBetter: true,
                "wrk is not installed (apt-get install wrk); nothing was measured")).ToList();
        }

        var counter = new StatusCounter();
        using var host = new BenchAppHost(Path.Combine(options.WorkFolder, "b6"), new Dictionary<string, string?>(), services =>
        {
            services.RemoveAll<IDispatchQueue>();
            services.AddSingleton<IDispatchQueue>(new HeldDispatchQueue(null));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(counter);
        }, kestrel: true);
        var app = host.BaseAddress;
        await host.SetUpPracticeAsync(credits: 10_000);
        await SeedCampaignsAsync(host, ct);
        var history = await SeedHistoryAsync(host, ct);
        var cookie = await SignInAsync(app, ct);

        var bodies = new Dictionary<string, byte[]>();
        using (var client = new HttpClient { BaseAddress = app })
        {
            foreach (var page in pages)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, page);
                request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {page} signed in answered {(int)response.StatusCode}, not 200.");
                }
                bodies[page] = await response.Content.ReadAsByteArrayAsync(ct);
                if (Environment.GetEnvironmentVariable("PMX_B6_SAVE_PAGES") is { Length: > 0 } folder)
                {
                    // For comparing the HTML of two builds.
                    Directory.CreateDirectory(folder);
                    await File.WriteAllBytesAsync(Path.Combine(folder, page.Trim('/').Replace('/', '_').Replace('?', '_') + ".html"), bodies[page], ct);
                }
            }
        }
        await using var bare = await StaticPageServer.StartAsync(bodies);

        var results = new List<BenchmarkResult>();
        foreach (var page in pages)
        {
            // Warm up both (JIT, view compilation caches, connection set-up), then measure.
            await Wrk.RunAsync(wrk, new Uri(app, page), Connections, TimeSpan.FromSeconds(1), cookie, ct);
            await Wrk.RunAsync(wrk, new Uri(bare.Address, page), Connections, TimeSpan.FromSeconds(1), null, ct);
            counter.Reset();
            var cpu = CpuTime();
            var allocated = GC.GetTotalAllocatedBytes();
            var ours = await Wrk.RunAsync(wrk, new Uri(app, page), Connections, duration, cookie, ct);
            var oursCpu = CpuTime() - cpu;
            var oursAllocated = GC.GetTotalAllocatedBytes() - allocated;
            var statuses = counter.Snapshot();
            cpu = CpuTime();
            allocated = GC.GetTotalAllocatedBytes();
            var baseline = await Wrk.RunAsync(wrk, new Uri(bare.Address, page), Connections, duration, null, ct);
            var baselineCpu = CpuTime() - cpu;
            var baselineAllocated = GC.GetTotalAllocatedBytes() - allocated;

            var ok = statuses.GetValueOrDefault(200);
            var other = statuses.Where(s => s.Key != 200).Sum(s => s.Value);
            var check = other == 0 && ours.NonSuccess == 0
                ? $"all {ok:N0} answered 200 signed in"
                : $"{other:N0} ANSWERS WERE NOT 200 ({string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))})";
            var data = page == ReportPage ? $"; {history:N0} messages this month in the report" : "";
            var socketErrors = ours.SocketErrors.Length > 0 ? "; socket errors: " + ours.SocketErrors : "";
            var note = string.Create(CultureInfo.InvariantCulture,
                $"p50/p99 ours {ours.P50Milliseconds:0.0}/{ours.P99Milliseconds:0.0} ms, bare {baseline.P50Milliseconds:0.00}/{baseline.P99Milliseconds:0.00} ms; " +
                $"CPU per request ours {PerRequest(oursCpu, ours.Requests)}, bare {PerRequest(baselineCpu, baseline.Requests)}; " +
                $"allocated per request ours {KbPerRequest(oursAllocated, ours.Requests)}, bare {KbPerRequest(baselineAllocated, baseline.Requests)}; " +
                $"{bodies[page].Length:N0} B page{data}; {check}{socketErrors}");
            results.Add(BenchmarkResult.Rates(Name, Workload(page, duration), ours.RequestsPerSecond, baseline.RequestsPerSecond,
                "req/s", Target, note));
        }
        return results;
    }

    /// <summary>
    /// CPU this process (both servers, never at once) used; divided by the requests served it is a cost per request
    /// that a busy shared machine distorts far less than requests per second, which also count time the process waited
    /// for a core.
    /// </summary>
    private static TimeSpan CpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string PerRequest(TimeSpan cpu, long requests) =>
        requests == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMilliseconds / requests:0.000} ms");

    private static string KbPerRequest(long bytes, long requests) =>
        requests == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / requests:0.0} KB");

    private static string Workload(string page, TimeSpan duration) =>
        $"GET {page}, signed in, wrk {Connections} connections × {duration.TotalSeconds:0} s";

    /// <summary>A page of campaigns to list, as a practice that has been sending for a while has.</summary>
    private static async Task SeedCampaignsAsync(BenchAppHost host, CancellationToken ct)
    {
        for (var i = 0; i < 25; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var draft = EmailWorkload.Draft(20, 2 * 1024) with { Name = $"Reminders, week {i + 1}" };
            var created = await scope.ServiceProvider.GetRequiredService<CampaignFactory>().CreateAsync(draft, ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.Refusal);
            }
        }
    }

    /// <summary>
    /// Eight weeks of sending history ending now: 20 campaigns of 500 messages in every mode and final status, a ledger
    /// Charge for every message a provider accepted and some charged inbound replies, written with
    /// <see cref="BulkInserter"/> in one transaction (as B5 does), then ANALYZE. Returns how many messages fall in this
    /// month as the report counts them (the practice's time zone).
    /// </summary>
    private static async Task<int> SeedHistoryAsync(BenchAppHost host, CancellationToken ct)
    {
        const int perCampaign = 500;
        var endUtc = DateTimeOffset.UtcNow.AddMinutes(-5);
        var startUtc = endUtc.AddDays(-56);
        var span = (endUtc - startUtc).Ticks;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var needs = Enum.GetValues<Need>();
        var campaignCount = HistoryMessages / perCampaign;
        await BulkInserter.InsertAsync(db, Enumerable.Range(0, campaignCount).Select(i => new Campaign
        {
            Kind = CampaignKind.Personalized, Name = $"History {i + 1}", Need = needs[i % needs.Length], AudienceDescription = "bench",
            Status = CampaignStatus.Completed, CreatedUtc = startUtc.AddTicks(span / campaignCount * i).AddMinutes(-10),
            CreatedByUserId = $"user-{i % 5}", CreatedByName = $"Staff {i % 5}",
        }), ct);
        var campaignIds = await db.Campaigns.Where(c => c.AudienceDescription == "bench" && c.Name.StartsWith("History "))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        await BulkInserter.InsertAsync(db, campaignIds.Select(id => new DispatchBatch
        {
            CampaignId = id, Channel = Channel.Email, Status = BatchStatus.Done,
        }), ct);
        var batchIds = await db.DispatchBatches.Where(b => campaignIds.Contains(b.CampaignId))
            .OrderBy(b => b.CampaignId).Select(b => b.Id).ToListAsync(ct);
        var firstMessageId = (await db.Messages.MaxAsync(m => (long?)m.Id, ct) ?? 0) + 1;

        var random = new Random(6);
        var modes = new[] { ContactMode.Email, ContactMode.Email, ContactMode.Email, ContactMode.Text, ContactMode.Text, ContactMode.Phone, ContactMode.WorkEmail, ContactMode.WorkPhone };
        var plan = new List<(DateTimeOffset At, ContactMode Mode, MessageStatus Status, bool Charged)>(HistoryMessages);
        for (var i = 0; i < HistoryMessages; i++)
        {
            var (status, charged) = MessageHistorySeeder.Outcome(random.Next(100));
            plan.Add((startUtc.AddTicks(span / HistoryMessages * i), modes[random.Next(modes.Length)], status, charged));
        }
        await BulkInserter.InsertAsync(db, plan.Select((p, i) => new Message
        {
            CampaignId = campaignIds[i / perCampaign], BatchId = batchIds[i / perCampaign], PatientId = null, Mode = p.Mode,
            Channel = p.Mode.IsEmail() ? Channel.Email : p.Mode == ContactMode.Text ? Channel.Sms : Channel.Voice,
            Address = p.Mode.IsEmail() ? $"parent{i}@example.com" : $"+1617555{i % 10_000:0000}", Body = "Reminder",
            Cost = CreditRates.Outbound(p.Mode), Status = p.Status, CreatedUtc = p.At.AddMinutes(-1),
            SentUtc = p.Charged ? p.At : null, CompletedUtc = p.Charged ? null : p.At,
            Error = p.Status is MessageStatus.Failed ? "Gave up after 5 attempts: connection refused" : null,
        }), ct);
        // Inserted in order in one transaction by the only writer, so message i has id firstMessageId + i.
        await BulkInserter.InsertAsync(db, plan.Select((p, i) => (p, i)).Where(x => x.p.Charged).Select(x => new CreditLedgerEntry
        {
            Kind = CreditEntryKind.Charge, Amount = -CreditRates.Outbound(x.p.Mode), IdempotencyKey = $"bench:charge:message:{firstMessageId + x.i}",
            MessageId = firstMessageId + x.i, CampaignId = campaignIds[x.i / perCampaign], ContactMode = x.p.Mode, CreatedUtc = x.p.At,
        }), ct);
        const int replies = HistoryMessages / 50;
        await BulkInserter.InsertAsync(db, Enumerable.Range(1, replies).Select(i => new CreditLedgerEntry
        {
            Kind = CreditEntryKind.Charge, Amount = -CreditRates.TextMessage, IdempotencyKey = $"bench:charge:inbound:{i}",
            InboundMessageId = i, ContactMode = ContactMode.Text, CreatedUtc = startUtc.AddTicks(span / replies * i),
        }), ct);
        await tx.CommitAsync(ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var month = ReportPeriod.ForPreset(ReportPeriodPreset.ThisMonth, DateTimeOffset.UtcNow, zone);
        return plan.Count(p => p.At >= month.StartUtc && p.At < month.EndUtc);
    }

    /// <summary>Signs in once through the real login form and returns the Cookie header that carries the session.</summary>
    private static async Task<string> SignInAsync(Uri app, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = app };
        var login = await client.GetStringAsync("/Account/Login", ct);
        var token = TokenInput().Match(login);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page has no antiforgery token.");
        }
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = BenchAppHost.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync("/Account/Login", form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}, not a redirect.");
        }
        return cookies.GetCookieHeader(app);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
