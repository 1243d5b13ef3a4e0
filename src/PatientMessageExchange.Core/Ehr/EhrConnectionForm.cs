namespace PatientMessageExchange.Core.Ehr;

/// <summary>What the EHR connection screen posts. Secret fields are write-only: blank keeps the stored secret.</summary>
public class EhrConnectionForm
{
    public bool Enabled { get; set; }
    public string? BaseUrl { get; set; }
    public EhrAuthMode AuthMode { get; set; } = EhrAuthMode.None;
    public string? BearerToken { get; set; }
    public string? ClientId { get; set; }
    public string? TokenUrl { get; set; }
    public string? Scope { get; set; }
    public string? KeyId { get; set; }
    public string? PrivateKeyPem { get; set; }
    public string? PatientIdentifierSystem { get; set; }
    public int SyncIntervalMinutes { get; set; } = 15;
}
