using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Templates;

/// <summary>What an editor submits: a new template when <see cref="Id"/> is null, otherwise a change to that one.</summary>
public sealed record TemplateDraft(
    int? Id,
    string? Name,
    Need Need,
    MergeScope Scope,
    string? Language,
    int? VariantOfId,
    TemplateContent Content);
