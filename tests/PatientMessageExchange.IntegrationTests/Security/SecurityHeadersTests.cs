using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Security;

[Trait("Check", "R28")]
public sealed class SecurityHeadersTests(PmxAppFactory app) : IClassFixture<PmxAppFactory>
{
    [Fact]
    public async Task R28_pages_carry_a_CSP_without_inline_script_and_the_other_security_headers()
    {
        await app.CompleteSetupAsync();
        var response = await app.CreateBrowserlessClient().GetAsync("/Account/Login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task R28_HSTS_is_sent_over_https_outside_development()
    {
        await app.CompleteSetupAsync();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            // HSTS is never sent to localhost, where it would pin every local app to HTTPS.
            BaseAddress = new Uri("https://pmx.example"), AllowAutoRedirect = false,
        });

        var response = await client.GetAsync("/Account/Login");

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }
}
