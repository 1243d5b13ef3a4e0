using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Patients;

public class PatientDetailsTests : IClassFixture<PmxAppFactory>, IAsyncLifetime
{
    private readonly PmxAppFactory _app;

    public PatientDetailsTests(PmxAppFactory app) => _app = app;

    public Task InitializeAsync() => _app.CompleteSetupAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Details_ViewingAPatient_WritesAnAuditEvent()
    {
        var patientId = await TestPatients.AddAsync(_app, "PD-1");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync($"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.PatientViewed && e.EntityId == patientId.ToString());
        Assert.Equal(nameof(Patient), audit.EntityType);
        Assert.StartsWith("frontdesk-", audit.UserName);
        Assert.NotNull(audit.UserId);
    }

    [Fact]
    public async Task Details_UnknownPatient_Is404AndAuditsNothing()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync("/Patients/Details/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PatientViewed && e.EntityId == "987654"));
    }

    [Fact]
    public async Task AddContact_InvalidPhone_ShowsTheErrorBesideTheFieldAndChangesNothing()
    {
        var patientId = await TestPatients.AddAsync(_app, "PD-2");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/AddContact/{patientId}", new Dictionary<string, string>
        {
            ["NewContact.Mode"] = nameof(ContactMode.Text),
            ["NewContact.Value"] = "555-01",
        }, tokenFrom: $"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"NewContact.Value\"[^>]*>[^<]*555-01[^<]*is not", html);
        Assert.Contains("value=\"555-01\"", html);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.False(await db.ContactPoints.AnyAsync(c => c.PatientId == patientId));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ContactPointChanged && e.EntityId == patientId.ToString()));
    }

    [Fact]
    public async Task AddContact_ValidEmail_IsStoredLowerCased()
    {
        var patientId = await TestPatients.AddAsync(_app, "PD-3");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/AddContact/{patientId}", new Dictionary<string, string>
        {
            ["NewContact.Mode"] = nameof(ContactMode.Email),
            ["NewContact.Value"] = " Parent@Example.COM ",
        }, tokenFrom: $"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal("parent@example.com", (await db.ContactPoints.SingleAsync(c => c.PatientId == patientId)).Value);
    }

    [Fact]
    public async Task UpdateContact_TypedNumber_IsStoredAsE164AndMarkedValid()
    {
        var patientId = await TestPatients.AddAsync(_app, "PD-4", new ContactPoint
        {
            Mode = ContactMode.Text, Value = "+16175550100", Status = ContactPointStatus.Invalid, StatusReason = "carrier says landline",
        });
        var pointId = await ContactPointIdAsync(patientId);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/UpdateContact/{patientId}", new Dictionary<string, string>
        {
            ["EditContact.ContactPointId"] = pointId.ToString(),
            ["EditContact.Mode"] = nameof(ContactMode.Text),
            ["EditContact.Value"] = "(617) 555-0199",
            ["EditContact.Status"] = nameof(ContactPointStatus.Invalid),
            ["EditContact.StatusReason"] = "carrier says landline",
        }, tokenFrom: $"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var point = await db.ContactPoints.SingleAsync(c => c.Id == pointId);
        Assert.Equal(("+16175550199", ContactPointStatus.Valid, (string?)null), (point.Value, point.Status, point.StatusReason));
    }

    [Fact]
    public async Task UpdateContact_InvalidEmail_ShowsTheErrorAndKeepsTheOldValue()
    {
        var patientId = await TestPatients.AddAsync(_app, "PD-5", new ContactPoint { Mode = ContactMode.Email, Value = "old@example.com" });
        var pointId = await ContactPointIdAsync(patientId);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/UpdateContact/{patientId}", new Dictionary<string, string>
        {
            ["EditContact.ContactPointId"] = pointId.ToString(),
            ["EditContact.Mode"] = nameof(ContactMode.Email),
            ["EditContact.Value"] = "old at example",
            ["EditContact.Status"] = nameof(ContactPointStatus.Valid),
        }, tokenFrom: $"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"EditContact.Value\"[^>]*>[^<]*is not an email address", await response.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal("old@example.com", (await db.ContactPoints.SingleAsync(c => c.Id == pointId)).Value);
    }

    private async Task<int> ContactPointIdAsync(int patientId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        return (await db.ContactPoints.SingleAsync(c => c.PatientId == patientId)).Id;
    }
}
