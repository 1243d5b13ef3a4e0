using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Benchmarks.Email;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Benchmarks.Web;

/// <summary>
/// B6: the Personalized Messages page and a second page under wrk (32 connections), signed in, against the real app
/// on Kestrel, versus a bare Kestrel endpoint writing the same bytes. The Messages Sent report does not exist in this
/// branch, so the composer (GET /PersonalizedMessages/Compose) stands in as the second page.
/// </summary>
public sealed partial class B6PageLoadBenchmark : IBenchmark
{
    private const double Target = 0.4;
    private const int Connections = 32;
    private static readonly string[] Pages = ["/PersonalizedMessages", "/PersonalizedMessages/Compose"];

    public string Name => "B6";

    public string Description => "signed-in pages under wrk vs bare Kestrel writing the same bytes";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct) =>
        (await RunAllAsync(options, ct))[0];

    public async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var duration = TimeSpan.FromSeconds(options.Quick ? 2 : 10);
        var wrk = Wrk.Find();
        if (wrk is null)
        {
            Console.Error.WriteLine("B6 skipped: wrk is not installed (Debian: apt-get install wrk).");
            return Pages.Select(p => BenchmarkResult.Skipped(Name, Workload(p, duration), Target, higherIsBetter: true,
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
        var cookie = await SignInAsync(app, ct);

        var bodies = new Dictionary<string, byte[]>();
        using (var client = new HttpClient { BaseAddress = app })
        {
            foreach (var page in Pages)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, page);
                request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {page} signed in answered {(int)response.StatusCode}, not 200.");
                }
                bodies[page] = await response.Content.ReadAsByteArrayAsync(ct);
            }
        }
        await using var bare = await StaticPageServer.StartAsync(bodies);

        var results = new List<BenchmarkResult>();
        foreach (var page in Pages)
        {
            // Warm up both (JIT, view compilation caches, connection set-up), then measure.
            await Wrk.RunAsync(wrk, new Uri(app, page), Connections, TimeSpan.FromSeconds(1), cookie, ct);
            await Wrk.RunAsync(wrk, new Uri(bare.Address, page), Connections, TimeSpan.FromSeconds(1), null, ct);
            counter.Reset();
            var ours = await Wrk.RunAsync(wrk, new Uri(app, page), Connections, duration, cookie, ct);
            var statuses = counter.Snapshot();
            var baseline = await Wrk.RunAsync(wrk, new Uri(bare.Address, page), Connections, duration, null, ct);

            var ok = statuses.GetValueOrDefault(200);
            var other = statuses.Where(s => s.Key != 200).Sum(s => s.Value);
            var check = other == 0 && ours.NonSuccess == 0
                ? $"all {ok:N0} answered 200 signed in"
                : $"{other:N0} ANSWERS WERE NOT 200 ({string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))})";
            var standIn = page.EndsWith("/Compose", StringComparison.Ordinal) ? "; stands in for the Messages Sent report, not in this branch" : "";
            var socketErrors = ours.SocketErrors.Length > 0 ? "; socket errors: " + ours.SocketErrors : "";
            var note = string.Create(CultureInfo.InvariantCulture,
                $"p50/p99 ours {ours.P50Milliseconds:0.0}/{ours.P99Milliseconds:0.0} ms, bare {baseline.P50Milliseconds:0.00}/{baseline.P99Milliseconds:0.00} ms; " +
                $"{bodies[page].Length:N0} B page; {check}{standIn}{socketErrors}");
            results.Add(BenchmarkResult.Rates(Name, Workload(page, duration), ours.RequestsPerSecond, baseline.RequestsPerSecond,
                "req/s", Target, note));
        }
        return results;
    }

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
