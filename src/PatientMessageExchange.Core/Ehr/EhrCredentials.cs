namespace PatientMessageExchange.Core.Ehr;

/// <summary>How to authenticate to the EHR, with its secrets already unprotected; lives only for one run.</summary>
public sealed record EhrCredentials(
    EhrAuthMode Mode,
    string? BearerToken = null,
    string? ClientId = null,
    string? TokenUrl = null,
    string? Scope = null,
    string? KeyId = null,
    string? PrivateKeyPem = null)
{
    public override string ToString() => $"EhrCredentials {{ Mode = {Mode}, ClientId = {ClientId} }}";
}
