using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Patients;

/// <summary>R27: antiforgery is global; a POST without a token is refused and writes nothing.</summary>
public class AntiforgeryTests : IClassFixture<PmxAppFactory>, IAsyncLifetime
{
    private readonly PmxAppFactory _app;

    public AntiforgeryTests(PmxAppFactory app) => _app = app;

    public Task InitializeAsync() => _app.CompleteSetupAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddContact_WithoutToken_Is400AndAddsNothing()
    {
        var patientId = await TestPatients.AddAsync(_app, "AF-1");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/AddContact/{patientId}", new Dictionary<string, string>
        {
            ["NewContact.Mode"] = nameof(ContactMode.Email),
            ["NewContact.Value"] = "parent@example.com",
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.False(await db.ContactPoints.AnyAsync(c => c.PatientId == patientId));
    }

    [Fact]
    public async Task Login_WithoutToken_Is400()
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = PmxAppFactory.Password,
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_WithoutToken_Is400AndKeepsTheSession()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Patients")).StatusCode);
    }
}
