using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Audit;

/// <summary>One append-only audit record: who did what to which record, when, and from where.</summary>
public class AuditEvent : IAppendOnly
{
    public long Id { get; set; }
    public DateTimeOffset OccurredUtc { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>A short description without PHI, e.g. "3 contact points changed".</summary>
    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}
