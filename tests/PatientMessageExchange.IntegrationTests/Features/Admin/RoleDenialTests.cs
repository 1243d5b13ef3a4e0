using System.Net;
using System.Net.Http.Headers;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Admin;

/// <summary>R23: each role reaches what it may, and is turned away from the rest.</summary>
public class RoleDenialTests : IClassFixture<PmxAppFactory>, IAsyncLifetime
{
    private readonly PmxAppFactory _app;

    public RoleDenialTests(PmxAppFactory app) => _app = app;

    public Task InitializeAsync() => _app.CompleteSetupAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/Patients")]
    [InlineData("/Patients/Import")]
    [InlineData("/Admin/Users")]
    [InlineData("/Schedule")]
    public async Task Anonymous_IsSentToTheLoginPage(string url)
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.PathAndQuery());
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Practice")]
    [InlineData("/Patients/Import")]
    public async Task FrontDesk_Get_IsDenied(string url)
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync(url);

        AssertDenied(response);
    }

    [Fact]
    public async Task FrontDesk_PostImport_IsDeniedAndStagesNothing()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var token = await client.GetAntiforgeryTokenAsync("/Patients");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Patients"), "kind" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent("Chart,First,Last,DOB\nC1,Ann,Lee,2019-01-01\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "patients.csv");

        var response = await client.PostAsync("/Patients/Import", form);

        AssertDenied(response);
        var staged = Path.Combine(_app.DataFolder, "imports");
        Assert.True(!Directory.Exists(staged) || Directory.GetFiles(staged).Length == 0);
    }

    [Fact]
    public async Task FrontDesk_PostImportCommit_IsDenied()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/Patients/ImportCommit", new Dictionary<string, string>
        {
            ["token"] = new string('a', 32),
            ["kind"] = "Patients",
            ["validRowsOnly"] = "true",
        }, tokenFrom: "/Patients");

        AssertDenied(response);
    }

    [Fact]
    public async Task FrontDesk_PostCreateUser_IsDeniedAndCreatesNoUser()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/Admin/CreateUser", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = "sneaky",
            ["NewUser.DisplayName"] = "Sneaky",
            ["NewUser.Password"] = PmxAppFactory.Password,
            ["NewUser.Role"] = Roles.Administrator,
        }, tokenFrom: "/Patients");

        AssertDenied(response);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateBrowserlessClient().GetAsync("/Patients")).StatusCode);
    }

    [Fact]
    public async Task FrontDesk_CanOpenPatients()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync("/Patients");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OfficeManager_CanOpenImport()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var response = await client.GetAsync("/Patients/Import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OfficeManager_CannotOpenUsers()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var response = await client.GetAsync("/Admin/Users");

        AssertDenied(response);
    }

    [Fact]
    public async Task Administrator_CanOpenUsers()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await client.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_CanOpenTheJobsDashboard()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Patient Message eXchange jobs", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.OfficeManager)]
    public async Task NonAdministrator_CannotOpenTheJobsDashboard(string role)
    {
        var client = await _app.SignInAsRoleAsync(role);

        var response = await client.GetAsync("/hangfire");

        AssertDenied(response);
    }

    [Fact]
    public async Task Anonymous_CannotOpenTheJobsDashboard()
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery());
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery());
    }
}
