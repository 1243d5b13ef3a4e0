using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A local stand-in for api.twilio.com on 127.0.0.1 and a free port, which the real Twilio SDK reaches through the
/// app's host-rewriting handler. Each create takes the next scripted answer (default 201): 429 with Retry-After, 500
/// without creating, accept-then-500 (creates the message, answers 500), or a 400 with a Twilio error code. It serves
/// message and call lists, so lookups see what was really created.
/// </summary>
public sealed class FakeTwilioApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _sids;

    public FakeTwilioApi()
    {
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

    /// <summary>Answers for the next creates, in order; when empty, creates succeed with 201.</summary>
    public ConcurrentQueue<FakeAnswer> Script { get; } = new();

    /// <summary>Numbers the fake refuses with a Twilio error code (400), whatever the script says.</summary>
    public ConcurrentDictionary<string, int> RefuseNumbers { get; } = new();

    /// <summary>Every message or call that was created, with the form the SDK sent.</summary>
    public ConcurrentQueue<CreatedResource> Created { get; } = new();

    /// <summary>Every create request, whatever the answer.</summary>
    public ConcurrentQueue<Dictionary<string, string>> CreateRequests { get; } = new();

    public int Lookups;

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
            var fields = form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!);
            CreateRequests.Enqueue(fields);
            var answer = RefuseNumbers.TryGetValue(fields.GetValueOrDefault("To", ""), out var refusal)
                ? new FakeAnswer(FakeAnswerKind.Refuse, refusal)
                : Script.TryDequeue(out var next) ? next : FakeAnswer.Created;
            (status, json) = answer.Kind switch
            {
                FakeAnswerKind.Throttle => (429, Error(20429, "Too Many Requests", 429)),
                FakeAnswerKind.ServerError => (500, Error(20500, "Internal Server Error", 500)),
                FakeAnswerKind.Refuse => (400, Error(answer.ErrorCode, "Refused", 400)),
                _ => (201, ""),
            };
            if (answer.Kind == FakeAnswerKind.Throttle)
            {
                context.Response.Headers["Retry-After"] = answer.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
            if (answer.Kind is FakeAnswerKind.Created or FakeAnswerKind.AcceptThenFail)
            {
                var sid = (isMessages ? "SM" : "CA") + Interlocked.Increment(ref _sids).ToString("D32", CultureInfo.InvariantCulture);
                var created = new CreatedResource(sid, isMessages, fields.GetValueOrDefault("To", ""), fields.GetValueOrDefault("Body", ""),
                    DateTimeOffset.UtcNow, fields);
                Created.Enqueue(created);
                if (answer.Kind == FakeAnswerKind.Created)
                {
                    json = Resource(created);
                }
                else
                {
                    (status, json) = (500, Error(20500, "Internal Server Error", 500));
                }
            }
        }
        else if (context.Request.HttpMethod == "GET" && (isMessages || isCalls))
        {
            Interlocked.Increment(ref Lookups);
            var to = context.Request.QueryString["To"];
            var items = Created.Where(c => c.IsMessage == isMessages && (to is null || c.To == to)).Select(Resource);
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

    private static string Resource(CreatedResource c) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["sid"] = c.Sid,
        ["account_sid"] = "ACtest",
        ["to"] = c.To,
        ["from"] = c.Fields.GetValueOrDefault("From"),
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
