using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace PatientMessageExchange.IntegrationTests.Ehr;

/// <summary>
/// Bearer tokens and SMART Backend Services against the test server, whose token endpoint verifies the client
/// assertion's signature with the registered public key and its iss, sub, aud, exp and jti claims.
/// </summary>
public sealed class EhrAuthenticationTests(MedplumFhirServer server) : IClassFixture<MedplumFhirServer>, IAsyncLifetime
{
    private readonly PmxAppFactory _app = EhrTestApp.Create();

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        var ehr = SyntheticEhr.Generate(3, 3, _app.Clock.GetUtcNow());
        ehr.Validate();
        await server.LoadAsync(ehr.All);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private EhrSecrets Secrets => _app.Services.GetRequiredService<EhrSecrets>();

    [Fact]
    public async Task SMART_backend_services_with_an_RSA_key_signs_an_RS384_assertion_the_server_accepts()
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        await server.RequireSmartAsync("pmx-client", new JsonObject
        {
            ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
        await ConnectSmartAsync(rsa.ExportPkcs8PrivateKeyPem());

        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Succeeded, run.Status);
        Assert.Equal(3, await _app.QueryAsync(db => db.Patients.CountAsync()));
        var assertion = Assert.Single(await server.AssertionsAsync())!;
        Assert.Equal("RS384", (string?)assertion["header"]!["alg"]);
        Assert.Equal("key-1", (string?)assertion["header"]!["kid"]);
        Assert.Equal("pmx-client", (string?)assertion["claims"]!["iss"]);
        Assert.Equal(server.TokenUrl, (string?)assertion["claims"]!["aud"]);
    }

    [Fact]
    public async Task SMART_backend_services_with_an_EC_P384_key_signs_ES384()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var parameters = ec.ExportParameters(false);
        await server.RequireSmartAsync("pmx-client", new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-384",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X), ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        });
        await ConnectSmartAsync(ec.ExportPkcs8PrivateKeyPem());

        Assert.Equal(EhrSyncRunStatus.Succeeded, (await _app.SyncAsync()).Status);
        Assert.Equal("ES384", (string?)Assert.Single(await server.AssertionsAsync())!["header"]!["alg"]);
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_is_refused_and_the_run_says_so()
    {
        using var registered = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var parameters = registered.ExportParameters(false);
        await server.RequireSmartAsync("pmx-client", new JsonObject
        {
            ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
        await ConnectSmartAsync(other.ExportPkcs8PrivateKeyPem());

        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Failed, run.Status);
        Assert.Contains("token endpoint refused", run.Error);
        Assert.Equal(0, await _app.QueryAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task A_bearer_token_is_sent_and_stored_protected()
    {
        await server.RequireBearerAsync("s3cret-token-value");
        await _app.ConnectAsync(server, c =>
        {
            c.AuthMode = EhrAuthMode.BearerToken;
            c.ProtectedBearerToken = Secrets.Protect("s3cret-token-value");
        });

        Assert.Equal(EhrSyncRunStatus.Succeeded, (await _app.SyncAsync()).Status);
        var stored = await _app.QueryAsync(db => db.EhrConnections.Select(c => c.ProtectedBearerToken).SingleAsync());
        Assert.DoesNotContain("s3cret-token-value", stored);

        await server.RequireBearerAsync("rotated-token");
        var refused = await _app.SyncAsync();
        Assert.Equal(EhrSyncRunStatus.Failed, refused.Status);
        Assert.Contains("401", refused.Error);
    }

    private Task ConnectSmartAsync(string pem) => _app.ConnectAsync(server, c =>
    {
        c.AuthMode = EhrAuthMode.SmartBackendServices;
        c.ClientId = "pmx-client";
        c.TokenUrl = server.TokenUrl;
        c.KeyId = "key-1";
        c.Scope = "system/Patient.read system/RelatedPerson.read system/Appointment.write";
        c.ProtectedPrivateKey = Secrets.Protect(pem);
    });
}
