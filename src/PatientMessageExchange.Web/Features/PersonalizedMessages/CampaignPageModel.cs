using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

public sealed record CampaignPageModel(CampaignProgress Progress, IReadOnlyList<CampaignSkip> Skips, IReadOnlyList<CampaignFallback> Fallbacks,
    TimeZoneInfo Zone);
