namespace PatientMessageExchange.Core.Ehr;

/// <summary>One run of the EHR sync, with its counts and the error that stopped it, if any.</summary>
public class EhrSyncRun
{
    public int Id { get; set; }
    public DateTimeOffset StartedUtc { get; set; }
    public DateTimeOffset? FinishedUtc { get; set; }
    public EhrSyncRunStatus Status { get; set; } = EhrSyncRunStatus.Running;
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Pages { get; set; }

    /// <summary>Why the run stopped early (no PHI: an HTTP status or timeout and the resource type).</summary>
    public string? Error { get; set; }

    public List<EhrSyncSkip> Skips { get; set; } = [];
}
