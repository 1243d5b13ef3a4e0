using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>A message someone wrote for a send (personalized or broadcast), as its campaign keeps it.</summary>
public sealed record WrittenMessage(
    long CampaignId,
    CampaignKind Kind,
    string Name,
    Need Need,
    DateTimeOffset CreatedUtc,
    string CreatedByName,
    TemplateContent Content);
