using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A local stand-in for api.stripe.com on 127.0.0.1 and a free port. The real Stripe.net client talks to it over HTTP;
/// it answers Checkout session creation and retrieval and refund creation (repeating the refund for a repeated
/// idempotency key, as Stripe does), and records each request it received.
/// </summary>
public sealed class FakeStripeApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _sessions;
    private int _refunds;
    private readonly Dictionary<string, string> _refundsByKey = [];

    public FakeStripeApi()
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

    public List<(string Method, string Path, string Body, string? Authorization)> Requests { get; } = [];

    public static string CheckoutUrl(string sessionId) => $"https://checkout.stripe.test/c/pay/{sessionId}";

    /// <summary>The payment intent a session's payment created.</summary>
    public static string PaymentIntentOf(string sessionId) => "pi_" + sessionId;

    /// <summary>When set, refund requests are answered with a card error and create nothing.</summary>
    public bool RefuseRefunds { get; set; }

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
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, path, body, context.Request.Headers["Authorization"]));
            }
            string json;
            if (context.Request.HttpMethod == "POST" && path == "/v1/checkout/sessions")
            {
                var id = $"cs_test_{Interlocked.Increment(ref _sessions)}";
                var form = System.Web.HttpUtility.ParseQueryString(body);
                json = $$"""
                    {"id":"{{id}}","object":"checkout.session","mode":"payment","status":"open","payment_status":"unpaid",
                     "client_reference_id":"{{form["client_reference_id"]}}","url":"{{CheckoutUrl(id)}}"}
                    """;
                context.Response.StatusCode = 200;
            }
            else if (context.Request.HttpMethod == "GET" && path.StartsWith("/v1/checkout/sessions/", StringComparison.Ordinal))
            {
                var id = path["/v1/checkout/sessions/".Length..];
                json = $$"""
                    {"id":"{{id}}","object":"checkout.session","mode":"payment","status":"complete","payment_status":"paid",
                     "payment_intent":"{{PaymentIntentOf(id)}}"}
                    """;
                context.Response.StatusCode = 200;
            }
            else if (context.Request.HttpMethod == "POST" && path == "/v1/refunds" && RefuseRefunds)
            {
                json = """{"error":{"type":"invalid_request_error","message":"Refunds are refused by the test."}}""";
                context.Response.StatusCode = 400;
            }
            else if (context.Request.HttpMethod == "POST" && path == "/v1/refunds")
            {
                var form = System.Web.HttpUtility.ParseQueryString(body);
                var key = context.Request.Headers["Idempotency-Key"] ?? Guid.NewGuid().ToString();
                string id;
                lock (_refundsByKey)
                {
                    if (!_refundsByKey.TryGetValue(key, out id!))
                    {
                        id = $"re_test_{Interlocked.Increment(ref _refunds)}";
                        _refundsByKey[key] = id;
                    }
                }
                json = $$"""
                    {"id":"{{id}}","object":"refund","status":"succeeded","payment_intent":"{{form["payment_intent"]}}"}
                    """;
                context.Response.StatusCode = 200;
            }
            else
            {
                json = """{"error":{"type":"invalid_request_error","message":"Unrecognized request URL."}}""";
                context.Response.StatusCode = 404;
            }
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json";
            context.Response.Headers["Request-Id"] = "req_fake";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
