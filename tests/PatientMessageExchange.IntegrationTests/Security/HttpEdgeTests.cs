using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Security;

/// <summary>What the real server answers at the edges: oversized bodies, odd status codes, and what headers give away.</summary>
public sealed class HttpEdgeTests : IDisposable
{
    private readonly KestrelAppFactory _app = new();
    private readonly HttpClient _client;

    public HttpEdgeTests()
    {
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress };
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_a_readable_page()
    {
        await _app.CompleteSetupAsync();

        // The server answers as soon as it sees the declared length, so the body is never sent: a client that insists
        // on sending it sees a broken pipe instead of the answer. A raw socket reads exactly what came back.
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port);
        await using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
        var head = $"POST /Account/Login HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\n" +
                   "Content-Type: application/x-www-form-urlencoded\r\n" +
                   $"Content-Length: {5 * 1024 * 1024}\r\nConnection: close\r\n\r\nUserName=a&Password=";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 413 ", response);
        Assert.Contains("Too large", response);
        Assert.DoesNotContain("Exception", response);
    }

    [Theory]
    [InlineData("/Home/Status/0", 404)]
    [InlineData("/Home/Status/99999", 404)]
    [InlineData("/Home/Status/200", 404)]
    [InlineData("/Home/Status/413", 413)]
    public async Task Every_status_page_answers_with_a_real_error_code(string url, int expected)
    {
        await _app.CompleteSetupAsync();

        var response = await _client.GetAsync(url);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_response_names_the_server()
    {
        await _app.CompleteSetupAsync();

        foreach (var url in new[] { "/Account/Login", "/health", "/does-not-exist" })
        {
            var response = await _client.GetAsync(url);
            Assert.False(response.Headers.Contains("Server"), $"{url} sent Server: {string.Join(",", response.Headers.Server)}");
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_unsubscribe_key_is_readable_by_the_app_only()
    {
        _app.Services.GetRequiredService<UnsubscribeTokens>();

        var key = Path.Combine(_app.DataFolder, "keys", "unsubscribe.key");

        Assert.True(File.Exists(key));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }
}
