using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>
/// One line of a text conversation in the outbox: a text we "sent" (<see cref="MessageId"/>, segments, status) or a
/// reply that came in (<see cref="ReplyKind"/>).
/// </summary>
public sealed record OutboxConversationEntry(
    DateTimeOffset AtUtc,
    string Text,
    long? MessageId = null,
    int? Segments = null,
    MessageStatus? Status = null,
    InboundKind? ReplyKind = null)
{
    public bool IsReply => ReplyKind is not null;
}
