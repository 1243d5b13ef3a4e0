using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.Templates;

public sealed record TemplateIndexModel(
    TemplateListFilter Filter,
    IReadOnlyList<MessageTemplate> Templates,
    IReadOnlyDictionary<int, string> OriginalNames,
    TimeZoneInfo Zone,
    bool CanEdit);
