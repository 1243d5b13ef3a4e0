namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>A text or call the outbox "sent": kept as JSON under <c>outbox/sms</c> or <c>outbox/calls</c>.</summary>
public sealed record OutboxTelephonyRecord(long MessageId, string Sid, string To, string Text, string? Language, DateTimeOffset WrittenUtc);
