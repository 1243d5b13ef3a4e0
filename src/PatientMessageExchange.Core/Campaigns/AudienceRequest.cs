namespace PatientMessageExchange.Core.Campaigns;

/// <summary>Who a personalized campaign is for; which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record AudienceRequest(
    AudienceKind Kind,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Provider = null,
    string? Location = null,
    int? MinAge = null,
    int? MaxAge = null,
    string? ChartNumbers = null,
    byte[]? DueList = null);
