using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.AutomatedMessages;

public sealed record AutomatedMessagesIndexModel(
    IReadOnlyList<AutomationRule> Rules,
    IReadOnlyDictionary<int, string> TemplateNames,
    IReadOnlyDictionary<int, string> ProviderNames,
    AutomationSettings Settings,
    SettingsForm Form,
    IReadOnlyDictionary<int, AutomationRulePreview> Previews);

public sealed record RuleEditModel(RuleForm Form, IReadOnlyList<MessageTemplate> Templates, IReadOnlyList<Provider> Providers);
