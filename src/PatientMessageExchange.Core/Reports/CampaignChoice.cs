namespace PatientMessageExchange.Core.Reports;

public sealed record CampaignChoice(long Id, string Name, DateTimeOffset CreatedUtc);
