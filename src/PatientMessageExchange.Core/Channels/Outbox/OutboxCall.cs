using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>A call the outbox "placed": what it said, its status, and what happened on it, if anything yet.</summary>
public sealed record OutboxCall(
    long MessageId,
    string To,
    string Script,
    string? Language,
    DateTimeOffset WrittenUtc,
    MessageStatus? Status,
    IReadOnlyList<InboundKind> Outcomes);
