using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>One send: a template snapshot, the audience it went to, when, by whom, and its messages.</summary>
public class Campaign
{
    public long Id { get; set; }
    public CampaignKind Kind { get; set; }
    public required string Name { get; set; }
    public Need Need { get; set; }
    public int? TemplateId { get; set; }

    /// <summary>The template as it was when the campaign was created; later edits to the template don't change it.</summary>
    public string? EmailSubjectTemplate { get; set; }
    public string? EmailBodyTemplate { get; set; }
    public string? SmsTemplate { get; set; }
    public string? VoiceTemplate { get; set; }

    /// <summary>A PHI-free description of who it went to, e.g. "Appointments Dec 1–2, Dr. Lee".</summary>
    public required string AudienceDescription { get; set; }

    public CampaignStatus Status { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? ScheduledForUtc { get; set; }
    public DateTimeOffset? StartedUtc { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }
    public DateTimeOffset? CancelledUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    public int MessageCount { get; set; }
    public int SkippedCount { get; set; }
    public int ReservedCredits { get; set; }

    /// <summary>The automated-message rule that created this campaign; null for campaigns a person started.</summary>
    public int? AutomationRuleId { get; set; }
}
