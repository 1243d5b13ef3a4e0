using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

public sealed record ComposeModel(
    ComposeForm Form,
    IReadOnlyList<MessageTemplate> Templates,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Locations,
    CampaignPlan? Plan);
