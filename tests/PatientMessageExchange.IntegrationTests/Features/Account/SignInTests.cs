using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Account;

public class SignInTests : IClassFixture<PmxAppFactory>, IAsyncLifetime
{
    private readonly PmxAppFactory _app;

    public SignInTests(PmxAppFactory app) => _app = app;

    public Task InitializeAsync() => _app.CompleteSetupAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Login_RightPassword_SignsInAndOpensPatients()
    {
        var userName = await NewUserAsync();
        var client = _app.CreateBrowserlessClient();

        var response = await PostLoginAsync(client, userName, PmxAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pmx.auth="));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Patients")).StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsAMessageAndStaysOnTheForm()
    {
        var userName = await NewUserAsync();
        var client = _app.CreateBrowserlessClient();

        var response = await PostLoginAsync(client, userName, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The user name or password is not right.", html);
        Assert.Contains($"value=\"{userName}\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Patients")).StatusCode);
    }

    [Fact]
    [Trait("Check", "R25")]
    public async Task R25_the_sixth_wrong_password_locks_the_account_and_then_even_the_right_one_is_refused()
    {
        var userName = await NewUserAsync();
        var client = _app.CreateBrowserlessClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PostLoginAsync(client, userName, $"wrong password {i}");
            Assert.Contains("The user name or password is not right.", await wrong.Content.ReadAsStringAsync());
        }

        var sixth = await PostLoginAsync(client, userName, "wrong password 5");
        var response = await PostLoginAsync(client, userName, PmxAppFactory.Password);

        Assert.Contains("This account is locked", await sixth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is locked", await response.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserLockedOut && e.EntityId == user.Id));
    }

    [Fact]
    [Trait("Check", "R25")]
    public async Task R25_five_wrong_passwords_still_let_the_right_one_in()
    {
        var userName = await NewUserAsync();
        var client = _app.CreateBrowserlessClient();
        for (var i = 0; i < 5; i++)
        {
            await PostLoginAsync(client, userName, $"wrong password {i}");
        }

        var response = await PostLoginAsync(client, userName, PmxAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Login_FourWrongPasswords_StillLetsTheRightOneIn()
    {
        var userName = await NewUserAsync();
        var client = _app.CreateBrowserlessClient();
        for (var i = 0; i < 4; i++)
        {
            await PostLoginAsync(client, userName, $"wrong password {i}");
        }

        var response = await PostLoginAsync(client, userName, PmxAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Login_DisabledUser_IsRefused()
    {
        var userName = await NewUserAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }
        var client = _app.CreateBrowserlessClient();

        var response = await PostLoginAsync(client, userName, PmxAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenSession_UserDisabledByAnAdministrator_EndsAtTheNextStampCheck()
    {
        var userName = await NewUserAsync();
        var client = await _app.SignInAsync(userName);
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        string userId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
        }
        await admin.PostFormAsync("/Admin/SetDisabled", new Dictionary<string, string>
        {
            ["id"] = userId,
            ["disabled"] = "true",
        }, tokenFrom: "/Admin/Users");

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await client.GetAsync("/Patients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task OpenSession_NobodyChangedTheUser_SurvivesTheStampCheck()
    {
        var userName = await NewUserAsync();
        var client = await _app.SignInAsync(userName);

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await client.GetAsync("/Patients");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var userName = await NewUserAsync();
        var client = await _app.SignInAsync(userName);

        var response = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), tokenFrom: "/Patients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/Patients");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery());
    }

    private async Task<string> NewUserAsync()
    {
        var userName = $"desk-{Guid.NewGuid():N}"[..20];
        await _app.CreateUserAsync(userName, Roles.FrontDesk);
        return userName;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
        });
}
