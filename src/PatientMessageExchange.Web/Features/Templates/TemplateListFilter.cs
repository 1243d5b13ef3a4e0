using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.Templates;

public sealed class TemplateListFilter
{
    public Need? Need { get; set; }
    public MergeScope? Scope { get; set; }
    public string? Language { get; set; }
    public bool Archived { get; set; }

    public TemplateQuery ToQuery() => new(Need, Scope, string.IsNullOrWhiteSpace(Language) ? null : Language, Archived);
}
