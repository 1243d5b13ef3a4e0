using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>One row of the Email Broadcast tab's list.</summary>
public sealed record BroadcastSummary(long Id, string Name, CampaignStatus Status, DateTimeOffset CreatedUtc,
    DateTimeOffset? ScheduledForUtc, string CreatedByName, BroadcastCounts Counts);
