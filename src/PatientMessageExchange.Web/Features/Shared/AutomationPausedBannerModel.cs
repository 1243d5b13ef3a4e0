namespace PatientMessageExchange.Web.Features.Shared;

public sealed record AutomationPausedBannerModel(DateTimeOffset PausedUtc, int NeededCredits);
