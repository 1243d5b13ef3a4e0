using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Templates;

public sealed record TemplateQuery(Need? Need = null, MergeScope? Scope = null, string? Language = null, bool IncludeArchived = false);
