namespace PatientMessageExchange.Web.Features.Outbox;

public sealed record OutboxIndexModel(IReadOnlyList<OutboxEmail> Emails, int Page, int PageCount, int Total);
