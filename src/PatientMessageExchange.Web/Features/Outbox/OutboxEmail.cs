namespace PatientMessageExchange.Web.Features.Outbox;

public sealed record OutboxEmail(long MessageId, DateTimeOffset WrittenUtc, string To, string Subject);
