using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// SMART Backend Services (the client-credentials grant that US Core servers expect): a JWT signed with the practice's
/// private key (RS384 for an RSA key, ES384 for an EC P-384 key) is exchanged at the token endpoint for an access token,
/// which is reused until shortly before it expires.
/// </summary>
public sealed class SmartBackendTokenClient(HttpClient http, EhrCredentials credentials, TimeProvider clock)
{
    private string? _token;
    private DateTimeOffset _expiresUtc;

    public async Task<string> GetAccessTokenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_token is not null && now < _expiresUtc)
        {
            return _token;
        }
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = string.IsNullOrWhiteSpace(credentials.Scope) ? "system/*.read" : credentials.Scope,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = CreateAssertion(credentials, now),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, credentials.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new EhrRequestException($"The token endpoint refused the client assertion ({(int)response.StatusCode}).");
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        if (!json.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
        {
            throw new EhrRequestException("The token endpoint answered without an access_token.");
        }
        var lifetime = json.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds)
            ? seconds : 300;
        _token = accessToken;
        _expiresUtc = now.AddSeconds(Math.Max(0, lifetime - 30));
        return accessToken;
    }

    /// <summary>The signed client assertion: iss and sub the client id, aud the token URL, a unique jti, five minutes at most.</summary>
    public static string CreateAssertion(EhrCredentials credentials, DateTimeOffset now)
    {
        var (key, algorithm) = LoadSigningKey(credentials.PrivateKeyPem ?? throw new EhrRequestException("No private key is configured."),
            credentials.KeyId);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = credentials.ClientId,
            Audience = credentials.TokenUrl,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(4).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = credentials.ClientId!,
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Reads a PEM private key; says clearly when it is neither RSA nor EC P-384.</summary>
    public static (SecurityKey Key, string Algorithm) LoadSigningKey(string pem, string? keyId)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                throw new EhrRequestException("The RSA key is shorter than 2048 bits.");
            }
            return (new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha384);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // Not an RSA key: try EC below.
        }
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            if (ec.KeySize != 384)
            {
                throw new EhrRequestException("The EC key must be on the P-384 curve (ES384).");
            }
            return (new ECDsaSecurityKey(ec) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha384);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new EhrRequestException("The private key is not a PEM RSA or EC P-384 private key.", e);
        }
    }
}
