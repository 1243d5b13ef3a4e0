namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// A few hundred messages of one channel that one job sends. The batch row, not the Hangfire queue, says what is
/// left to do: a lost job or a crashed worker is found again by the sweeper through this row.
/// </summary>
public class DispatchBatch
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public Channel Channel { get; set; }
    public BatchStatus Status { get; set; } = BatchStatus.Queued;

    /// <summary>Not to run before this time: the campaign's schedule, or the next retry of its messages.</summary>
    public DateTimeOffset? NotBeforeUtc { get; set; }

    public DateTimeOffset? LeaseUntilUtc { get; set; }
    public string? LeaseOwner { get; set; }

    /// <summary>When a job was last handed to Hangfire for it; the sweeper re-enqueues when that is stale.</summary>
    public DateTimeOffset? EnqueuedUtc { get; set; }

    public int Runs { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }
}
