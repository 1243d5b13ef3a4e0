namespace PatientMessageExchange.Core.Campaigns;

/// <summary>Where a campaign stands: how many of its messages are in each state, and what they cost.</summary>
public sealed record CampaignProgress(
    Campaign Campaign,
    IReadOnlyDictionary<MessageStatus, int> ByStatus,
    int Skipped,
    int ChargedCredits,
    int ReleasedCredits,
    int NeedsAttention)
{
    public int Total => ByStatus.Values.Sum();
    public int Count(MessageStatus status) => ByStatus.GetValueOrDefault(status);
    public int Pending => Count(MessageStatus.Queued) + Count(MessageStatus.Sending);
    public int Done => Total - Pending;
    public int PercentDone => Total == 0 ? 100 : (int)Math.Round(100.0 * Done / Total);
    public bool IsFinished => Pending == 0 || Campaign.Status is CampaignStatus.Completed or CampaignStatus.Cancelled && Count(MessageStatus.Sending) == 0;
}
