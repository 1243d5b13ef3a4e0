using PatientMessageExchange.Core.Ehr;

namespace PatientMessageExchange.Web.Features.Ehr;

/// <summary>The connection form, with whether secrets are stored (never the secrets themselves).</summary>
public sealed record EhrConnectionPage(EhrConnectionForm Form, bool HasBearerToken, bool HasPrivateKey, DateTimeOffset? UpdatedUtc)
{
    public static EhrConnectionPage From(EhrConnection? stored, EhrConnectionForm? posted) => new(
        posted ?? (stored is null
            ? new EhrConnectionForm()
            : new EhrConnectionForm
            {
                Enabled = stored.Enabled,
                BaseUrl = stored.BaseUrl,
                AuthMode = stored.AuthMode,
                ClientId = stored.ClientId,
                TokenUrl = stored.TokenUrl,
                Scope = stored.Scope,
                KeyId = stored.KeyId,
                PatientIdentifierSystem = stored.PatientIdentifierSystem,
                SyncIntervalMinutes = stored.SyncIntervalMinutes,
            }),
        stored?.ProtectedBearerToken is not null,
        stored?.ProtectedPrivateKey is not null,
        stored?.UpdatedUtc);
}
