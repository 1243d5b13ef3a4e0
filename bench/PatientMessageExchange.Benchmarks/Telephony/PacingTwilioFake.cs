using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PatientMessageExchange.Benchmarks.Telephony;

/// <summary>
/// A local stand-in for api.twilio.com (after the integration tests' FakeTwilioApi), reached by the real Twilio SDK
/// through the app's host-rewriting handler. It notes when each create arrives, answers a seeded
/// <see cref="ThrottleShare"/> of them 429 with Retry-After, and serves message and call lists so the sender's
/// look-up before a resend sees what was really created.
/// </summary>
public sealed class PacingTwilioFake : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly double _throttleShare;
    private readonly int _retryAfterSeconds;
    private int _sids;

    public PacingTwilioFake(double throttleShare, int retryAfterSeconds, int seed)
    {
        _throttleShare = throttleShare;
        _retryAfterSeconds = retryAfterSeconds;
        _random = new Random(seed);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public double ThrottleShare => _throttleShare;

    /// <summary>Every create request, in order of arrival.</summary>
    public ConcurrentQueue<TimedCreate> Creates { get; } = new();

    private readonly ConcurrentQueue<(string Sid, bool IsMessage, string To, string? Body, DateTimeOffset CreatedUtc)> _created = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        var isMessages = path.EndsWith("/Messages.json", StringComparison.Ordinal);
        var isCalls = path.EndsWith("/Calls.json", StringComparison.Ordinal);
        int status;
        string json;
        if (context.Request.HttpMethod == "POST" && (isMessages || isCalls))
        {
            var form = System.Web.HttpUtility.ParseQueryString(body);
            var to = form["To"] ?? "";
            bool throttle;
            lock (_gate)
            {
                throttle = _random.NextDouble() < _throttleShare;
            }
            if (throttle)
            {
                Creates.Enqueue(new TimedCreate(arrived, to, false, null));
                context.Response.Headers["Retry-After"] = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                (status, json) = (429, Error(20429, "Too Many Requests", 429));
            }
            else
            {
                var sid = (isMessages ? "SM" : "CA") + Interlocked.Increment(ref _sids).ToString("D32", CultureInfo.InvariantCulture);
                var created = (sid, isMessages, to, form["Body"], DateTimeOffset.UtcNow);
                _created.Enqueue(created);
                Creates.Enqueue(new TimedCreate(arrived, to, true, sid));
                (status, json) = (201, Resource(created));
            }
        }
        else if (context.Request.HttpMethod == "GET" && (isMessages || isCalls))
        {
            var to = context.Request.QueryString["To"];
            var items = _created.Where(c => c.IsMessage == isMessages && (to is null || c.To == to)).Select(Resource);
            var key = isMessages ? "messages" : "calls";
            json = $$"""{"{{key}}":[{{string.Join(",", items)}}],"uri":"{{path}}","first_page_uri":"{{path}}","next_page_uri":null,"previous_page_uri":null,"page":0,"page_size":50,"start":0,"end":0}""";
            status = 200;
        }
        else
        {
            (status, json) = (404, Error(20404, "Not found", 404));
        }
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static string Error(int code, string message, int status) =>
        JsonSerializer.Serialize(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status });

    private static string Resource((string Sid, bool IsMessage, string To, string? Body, DateTimeOffset CreatedUtc) c) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["sid"] = c.Sid,
            ["account_sid"] = "ACbench",
            ["to"] = c.To,
            ["body"] = c.IsMessage ? c.Body : null,
            ["status"] = "queued",
            ["date_created"] = c.CreatedUtc.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
        });

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
