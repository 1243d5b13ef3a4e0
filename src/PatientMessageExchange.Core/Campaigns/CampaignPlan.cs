namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// A campaign before it is sent: the draft ready to store, and the estimate the composer shows first (messages and
/// credits per contact mode, the total, the skipped patients and why, the available balance, and the texts' segments and
/// encoding).
/// </summary>
public sealed record CampaignPlan(
    CampaignDraft? Draft,
    IReadOnlyList<ModeEstimate> ByMode,
    IReadOnlyList<SkippedRecipient> Skipped,
    int AvailableCredits,
    IReadOnlyList<string> Problems,
    TextEstimate? Texts = null)
{
    public int TotalCredits => ByMode.Sum(m => m.Credits);
    public int TotalMessages => ByMode.Sum(m => m.Messages);
    public bool CanSend => Draft is not null && TotalMessages > 0 && Problems.Count == 0 && TotalCredits <= AvailableCredits;
    public int Shortfall => Math.Max(0, TotalCredits - AvailableCredits);
}
