using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// The estimate for a confirmation campaign, the templates to choose from, and what was left out: already settled
/// (confirmed, cancelled, done), already started, or already asked (a pending request, unless the user chose to resend).
/// </summary>
public sealed record ConfirmationPlan(
    ConfirmationRequest Request,
    CampaignPlan Plan,
    IReadOnlyList<MessageTemplate> Templates,
    int? TemplateId,
    int Appointments,
    int AlreadySettled,
    int Started,
    int AlreadyRequested);
