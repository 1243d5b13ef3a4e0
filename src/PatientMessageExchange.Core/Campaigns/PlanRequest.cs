using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>What the composer asks for: a need, a template, an audience, and when to send.</summary>
public sealed record PlanRequest(
    CampaignKind Kind,
    Need Need,
    int TemplateId,
    Audience Audience,
    DateTimeOffset? ScheduledForUtc = null,
    string? Name = null);
