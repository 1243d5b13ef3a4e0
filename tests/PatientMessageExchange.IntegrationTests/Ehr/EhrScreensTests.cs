using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Ehr;

/// <summary>Administration > EHR connection and EHR sync: Administrator only, audited, secrets never shown back.</summary>
public sealed class EhrScreensTests : IDisposable
{
    private readonly PmxAppFactory _app = EhrTestApp.Create();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Saving_a_SMART_connection_stores_the_key_protected_audits_it_and_never_shows_it_again()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();

        var saved = await client.PostFormAsync("/Ehr/Connection", new Dictionary<string, string>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = "https://ehr.example.org/fhir/r4",
            ["PatientIdentifierSystem"] = "http://hospital.example.org/mrn",
            ["SyncIntervalMinutes"] = "15",
            ["AuthMode"] = "SmartBackendServices",
            ["ClientId"] = "pmx",
            ["TokenUrl"] = "https://ehr.example.org/oauth2/token",
            ["KeyId"] = "k1",
            ["PrivateKeyPem"] = pem,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await _app.QueryAsync(db => db.EhrConnections.SingleAsync());
        Assert.Equal(EhrAuthMode.SmartBackendServices, stored.AuthMode);
        Assert.DoesNotContain("PRIVATE KEY", stored.ProtectedPrivateKey);
        var page = await (await client.GetAsync("/Ehr/Connection")).Content.ReadAsStringAsync();
        Assert.Contains("A key is stored", page);
        Assert.DoesNotContain(pem.Split('\n')[1], page);
        Assert.True(await _app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.EhrConnectionChanged)));
    }

    [Fact]
    public async Task A_bad_key_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await client.PostFormAsync("/Ehr/Connection", new Dictionary<string, string>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = "https://ehr.example.org/fhir/r4",
            ["PatientIdentifierSystem"] = "http://hospital.example.org/mrn",
            ["SyncIntervalMinutes"] = "15",
            ["AuthMode"] = "SmartBackendServices",
            ["ClientId"] = "pmx",
            ["TokenUrl"] = "https://ehr.example.org/oauth2/token",
            ["PrivateKeyPem"] = "not a key",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("not a PEM RSA or EC P-384 private key", page);
        Assert.DoesNotContain("not a key<", page);
        Assert.False(await _app.QueryAsync(db => db.EhrConnections.AnyAsync()));
    }

    [Fact]
    public async Task The_sync_page_shows_runs_their_skips_and_failed_write_backs()
    {
        await _app.QueryAsync(async db =>
        {
            var run = new EhrSyncRun { StartedUtc = _app.Clock.GetUtcNow(), Status = EhrSyncRunStatus.Failed, Created = 7, Error = "The EHR answered 500 (InternalServerError) while paging Appointment." };
            run.Skips.Add(new EhrSyncSkip { ResourceType = "Patient", ResourceId = "pat-9", Reason = "Malformed: birthDate: the value is not a correct literal for a date." });
            db.EhrSyncRuns.Add(run);
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var page = await (await client.GetAsync("/Ehr/Sync")).Content.ReadAsStringAsync();

        Assert.Contains("answered 500", page);
        Assert.Contains("Patient/pat-9", page);
        Assert.Contains("not a correct literal for a date", page);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.OfficeManager)]
    public async Task Only_administrators_open_the_EHR_screens(string role)
    {
        var client = await _app.SignInAsRoleAsync(role);
        var response = await client.GetAsync("/Ehr/Connection");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
