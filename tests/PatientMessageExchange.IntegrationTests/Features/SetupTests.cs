using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features;

public class SetupTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Any_page_before_setup_leads_to_the_setup_form()
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.GetAsync("/Patients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_creates_the_first_administrator_and_signs_them_in()
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.PostFormAsync("/Setup", SetupFields("first-admin"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        Assert.Equal("first-admin", Assert.Single(admins).UserName);
        var patients = await client.GetAsync("/Patients");
        Assert.Equal(HttpStatusCode.OK, patients.StatusCode);
    }

    [Fact]
    public async Task Setup_refuses_a_short_password_and_keeps_what_was_typed()
    {
        var client = _app.CreateBrowserlessClient();
        var fields = SetupFields("short-admin");
        fields["Password"] = fields["ConfirmPassword"] = "short";

        var response = await client.PostFormAsync("/Setup", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("at least 12 characters", html);
        Assert.Contains("value=\"short-admin\"", html);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users);
    }

    [Fact]
    public async Task Setup_is_closed_once_an_administrator_exists()
    {
        await _app.CompleteSetupAsync();
        var client = _app.CreateBrowserlessClient();

        var response = await client.PostFormAsync("/Setup", SetupFields("intruder"), tokenFrom: "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Null(await users.FindByNameAsync("intruder"));
    }

    private static Dictionary<string, string> SetupFields(string userName) => new()
    {
        ["PracticeName"] = "Maple Grove Pediatrics",
        ["PracticePhone"] = "(617) 555-0100",
        ["PracticeAddress"] = "120 Main Street, Springfield, MA 01101",
        ["TimeZoneId"] = "America/New_York",
        ["DisplayName"] = "Dana Admin",
        ["UserName"] = userName,
        ["Password"] = PmxAppFactory.Password,
        ["ConfirmPassword"] = PmxAppFactory.Password,
    };
}
