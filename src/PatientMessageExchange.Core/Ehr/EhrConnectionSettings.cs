using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// Reads and saves the EHR connection. Secrets go in protected and never come back out to a screen: a blank secret
/// field on save keeps the stored one.
/// </summary>
public class EhrConnectionSettings(PmxDbContext db, EhrSecrets secrets, AuditLog audit, TimeProvider clock)
{
    public Task<EhrConnection?> GetAsync(CancellationToken ct = default) =>
        db.EhrConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);

    public async Task<OperationResult> SaveAsync(EhrConnectionForm form, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(form.BaseUrl?.Trim(), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            return OperationResult.Fail("Enter the FHIR server's base URL, starting with https://.", nameof(form.BaseUrl));
        }
        if (string.IsNullOrWhiteSpace(form.PatientIdentifierSystem))
        {
            return OperationResult.Fail("Enter the identifier system of the EHR's chart numbers (MRNs).", nameof(form.PatientIdentifierSystem));
        }
        if (form.SyncIntervalMinutes is < 5 or > 1440)
        {
            return OperationResult.Fail("The sync interval must be between 5 and 1440 minutes.", nameof(form.SyncIntervalMinutes));
        }
        var connection = await db.EhrConnections.OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var token = form.BearerToken?.Trim();
        var key = form.PrivateKeyPem?.Trim();
        switch (form.AuthMode)
        {
            case EhrAuthMode.BearerToken when string.IsNullOrEmpty(token) && connection?.ProtectedBearerToken is null:
                return OperationResult.Fail("Enter the bearer token.", nameof(form.BearerToken));
            case EhrAuthMode.SmartBackendServices:
                if (string.IsNullOrWhiteSpace(form.ClientId))
                {
                    return OperationResult.Fail("Enter the client id the EHR registered for this app.", nameof(form.ClientId));
                }
                if (!Uri.TryCreate(form.TokenUrl?.Trim(), UriKind.Absolute, out var tokenUrl) || tokenUrl.Scheme is not ("https" or "http"))
                {
                    return OperationResult.Fail("Enter the EHR's token endpoint URL.", nameof(form.TokenUrl));
                }
                if (string.IsNullOrEmpty(key) && connection?.ProtectedPrivateKey is null)
                {
                    return OperationResult.Fail("Paste the practice's private key (PEM).", nameof(form.PrivateKeyPem));
                }
                if (!string.IsNullOrEmpty(key))
                {
                    try
                    {
                        SmartBackendTokenClient.LoadSigningKey(key, form.KeyId);
                    }
                    catch (EhrRequestException e)
                    {
                        return OperationResult.Fail(e.Message, nameof(form.PrivateKeyPem));
                    }
                }
                break;
        }

        var now = clock.GetUtcNow();
        if (connection is null)
        {
            connection = new EhrConnection { BaseUrl = "", PatientIdentifierSystem = "" };
            db.EhrConnections.Add(connection);
        }
        var serverChanged = connection.BaseUrl != baseUrl.ToString() || connection.PatientIdentifierSystem != form.PatientIdentifierSystem.Trim();
        connection.Enabled = form.Enabled;
        connection.BaseUrl = baseUrl.ToString();
        connection.AuthMode = form.AuthMode;
        connection.PatientIdentifierSystem = form.PatientIdentifierSystem.Trim();
        connection.SyncIntervalMinutes = form.SyncIntervalMinutes;
        connection.ClientId = NullIfBlank(form.ClientId);
        connection.TokenUrl = NullIfBlank(form.TokenUrl);
        connection.Scope = NullIfBlank(form.Scope);
        connection.KeyId = NullIfBlank(form.KeyId);
        if (!string.IsNullOrEmpty(token))
        {
            connection.ProtectedBearerToken = secrets.Protect(token);
        }
        if (!string.IsNullOrEmpty(key))
        {
            connection.ProtectedPrivateKey = secrets.Protect(key);
        }
        if (serverChanged)
        {
            // Another server (or identifier system) starts from the beginning.
            connection.PatientCursorUtc = null;
            connection.RelatedPersonCursorUtc = null;
            connection.AppointmentCursorUtc = null;
        }
        connection.UpdatedUtc = now;
        audit.Add(AuditActions.EhrConnectionChanged, nameof(EhrConnection), null,
            $"{(form.Enabled ? "Enabled" : "Disabled")}, {form.AuthMode}, every {form.SyncIntervalMinutes} min" +
            (string.IsNullOrEmpty(token) ? "" : ", bearer token replaced") + (string.IsNullOrEmpty(key) ? "" : ", private key replaced"));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
