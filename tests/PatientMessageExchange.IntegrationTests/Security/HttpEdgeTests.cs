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
        var body = "UserName=someone&Password=" + new string('x', 5 * 1024 * 1024);
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await _client.PostAsync("/Account/Login", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too large", html);
        Assert.DoesNotContain("Exception", html);
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
