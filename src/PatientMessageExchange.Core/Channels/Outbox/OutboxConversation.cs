namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>The texts to one number and its replies, oldest first.</summary>
public sealed record OutboxConversation(string Number, IReadOnlyList<OutboxConversationEntry> Entries);
