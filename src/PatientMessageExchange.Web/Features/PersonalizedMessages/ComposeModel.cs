using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

/// <summary>
/// The composer: the form as typed, the templates for its need, the audience choices, the estimate, and the messages
/// written before that can start a new one (newest first, shown in the practice's time zone).
/// </summary>
public sealed record ComposeModel(
    ComposeForm Form,
    IReadOnlyList<MessageTemplate> Templates,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Locations,
    CampaignPlan? Plan,
    IReadOnlyList<WrittenMessage> Earlier,
    TimeZoneInfo Zone)
{
    public IEnumerable<MergeField> FieldsFor(TemplatePart part) => MergeFields.For(MergeScope.Personalized, part);
}
