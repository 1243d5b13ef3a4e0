namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// The practice's FHIR R4 connection to its EHR (one row). Secrets are stored protected with ASP.NET Data Protection
/// and are never shown back. The cursors are the last <c>meta.lastUpdated</c> each resource type has been read up to.
/// </summary>
public class EhrConnection
{
    public int Id { get; set; }
    public bool Enabled { get; set; }
    public required string BaseUrl { get; set; }
    public EhrAuthMode AuthMode { get; set; } = EhrAuthMode.None;

    /// <summary>The bearer token, protected.</summary>
    public string? ProtectedBearerToken { get; set; }

    public string? ClientId { get; set; }
    public string? TokenUrl { get; set; }
    public string? Scope { get; set; }
    public string? KeyId { get; set; }

    /// <summary>The practice's PEM private key (RSA or EC P-384), protected.</summary>
    public string? ProtectedPrivateKey { get; set; }

    /// <summary>The identifier system whose value becomes the chart number, e.g. the EHR's MRN system.</summary>
    public required string PatientIdentifierSystem { get; set; }

    public int SyncIntervalMinutes { get; set; } = 15;

    public DateTimeOffset? PatientCursorUtc { get; set; }
    public DateTimeOffset? RelatedPersonCursorUtc { get; set; }
    public DateTimeOffset? AppointmentCursorUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
