using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// What the composer asks for: a need, a template (or, with <see cref="Written"/>, a message written for this send,
/// already checked by <c>TemplateLibrary.CheckWritten</c>), an audience, and when to send.
/// </summary>
public sealed record PlanRequest(
    CampaignKind Kind,
    Need Need,
    int TemplateId,
    Audience Audience,
    DateTimeOffset? ScheduledForUtc = null,
    string? Name = null,
    TemplateContent? Written = null);
