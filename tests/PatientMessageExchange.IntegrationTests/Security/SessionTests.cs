using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Security;

[Trait("Check", "R24")]
public sealed class SessionTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Patients");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task R24_an_idle_session_returns_to_the_login_page_after_15_minutes()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        Assert.True(await IsSignedInAsync(client));

        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await client.GetAsync("/Patients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task R24_activity_keeps_a_session_alive_past_15_minutes()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        for (var i = 0; i < 6; i++)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True(await IsSignedInAsync(client), $"signed out after {(i + 1) * 10} active minutes");
        }
    }

    [Fact]
    public async Task R24_an_active_session_still_ends_after_10_hours()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        for (var minutes = 10; minutes < 10 * 60; minutes += 10)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True(await IsSignedInAsync(client), $"signed out after {minutes} active minutes");
        }
        _app.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        await _app.CompleteSetupAsync();
        var userName = $"frontdesk-{Guid.NewGuid():N}"[..24];
        await _app.CreateUserAsync(userName, Roles.FrontDesk);
        var cookies = new CookieContainerHandler();
        var client = await _app.SignInAsync(userName, client: _app.CreateDefaultClient(new Uri("http://localhost"), cookies));
        var copied = cookies.Container.GetCookieHeader(new Uri("http://localhost"));
        Assert.Contains("pmx.auth=", copied);
        Assert.True(await IsSignedInAsync(client));

        var loggedOut = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), tokenFrom: "/Patients");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var replay = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Patients");
        request.Headers.Add("Cookie", copied);
        var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location!.ToString());
        // Signing in again afterwards works as before.
        Assert.True(await IsSignedInAsync(await _app.SignInAsync(userName)));
    }
}
