using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>Everything a campaign is made of, rendered and priced, ready to be stored in one transaction.</summary>
public sealed record CampaignDraft(
    CampaignKind Kind,
    string Name,
    Need Need,
    int? TemplateId,
    string? EmailSubjectTemplate,
    string? EmailBodyTemplate,
    string? SmsTemplate,
    string? VoiceTemplate,
    string AudienceDescription,
    DateTimeOffset? ScheduledForUtc,
    IReadOnlyList<PlannedMessage> Messages,
    IReadOnlyList<PlannedSkip> Skips,
    int? AutomationRuleId = null)
{
    public int TotalCredits => Messages.Sum(m => m.Cost);
}
