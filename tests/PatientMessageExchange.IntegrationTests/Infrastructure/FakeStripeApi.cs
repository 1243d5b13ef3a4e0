using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A local stand-in for api.stripe.com on 127.0.0.1 and a free port. The real Stripe.net client talks to it over HTTP;
/// it answers Checkout session creation and records each request it received.
/// </summary>
public sealed class FakeStripeApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _sessions;

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
