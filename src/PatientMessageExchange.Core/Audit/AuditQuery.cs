namespace PatientMessageExchange.Core.Audit;

public sealed record AuditQuery(
    string? UserName = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 50);
