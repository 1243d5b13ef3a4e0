using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>The broadcast page: what was sent, bounces with the records to correct, unsubscribes, and what was left out.</summary>
public sealed record BroadcastReport(
    Campaign Campaign,
    BroadcastCounts Counts,
    IReadOnlyList<BouncedRecipient> Bounces,
    IReadOnlyList<CampaignSkip> Removed);
