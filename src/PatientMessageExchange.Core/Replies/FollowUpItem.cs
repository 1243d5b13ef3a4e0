using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Replies;

/// <summary>One reply that needs a person, with enough of the patient and appointment to act on it. PHI: shown, never logged.</summary>
public sealed record FollowUpItem(
    long Id,
    InboundKind Kind,
    Channel Channel,
    string From,
    string Body,
    DateTimeOffset ReceivedUtc,
    int? PatientId,
    string? PatientName,
    string? ChartNumber,
    DateTimeOffset? AppointmentStartUtc,
    DateTimeOffset? HandledUtc);
