namespace PatientMessageExchange.Core.Ehr;

/// <summary>A resource the sync could not use, and why.</summary>
public class EhrSyncSkip
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public EhrSyncRun? Run { get; set; }
    public required string ResourceType { get; set; }
    public required string ResourceId { get; set; }
    public required string Reason { get; set; }
}
