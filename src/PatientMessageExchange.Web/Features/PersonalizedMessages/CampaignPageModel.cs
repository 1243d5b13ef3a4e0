using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

public sealed record CampaignPageModel(CampaignProgress Progress, IReadOnlyList<CampaignSkipRow> Skips, IReadOnlyList<CampaignFallback> Fallbacks,
    TimeZoneInfo Zone);
