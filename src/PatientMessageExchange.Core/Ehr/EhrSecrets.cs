using Microsoft.AspNetCore.DataProtection;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>Protects the EHR connection's secrets (bearer token, private key) at rest with ASP.NET Data Protection.</summary>
public class EhrSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PatientMessageExchange.Ehr.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>The connection's credentials with their secrets unprotected, for one run.</summary>
    public EhrCredentials Credentials(EhrConnection c) => c.AuthMode switch
    {
        EhrAuthMode.BearerToken => new EhrCredentials(c.AuthMode,
            BearerToken: c.ProtectedBearerToken is null ? null : Unprotect(c.ProtectedBearerToken)),
        EhrAuthMode.SmartBackendServices => new EhrCredentials(c.AuthMode, ClientId: c.ClientId, TokenUrl: c.TokenUrl, Scope: c.Scope,
            KeyId: c.KeyId, PrivateKeyPem: c.ProtectedPrivateKey is null ? null : Unprotect(c.ProtectedPrivateKey)),
        _ => new EhrCredentials(EhrAuthMode.None),
    };
}
