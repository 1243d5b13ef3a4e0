using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// A message of a campaign that failed for good, and what channel fallback did: the next message and its mode, or
/// <see cref="NoFallback"/> saying why nothing more was sent.
/// </summary>
public sealed record CampaignFallback(
    long MessageId,
    ContactMode Mode,
    MessageStatus Status,
    long? FallbackMessageId,
    ContactMode? FallbackMode,
    MessageStatus? FallbackStatus,
    string? NoFallback);
