namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// The outcome of a save. A refused save changes nothing and says why: <see cref="PartErrors"/> per part with line and
/// column, <see cref="FieldErrors"/> keyed by the draft's property name (Name, Language, VariantOfId, Content).
/// </summary>
public sealed record TemplateSaveResult(
    int? TemplateId,
    IReadOnlyList<TemplateError> PartErrors,
    IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool Succeeded => TemplateId is not null && PartErrors.Count == 0 && FieldErrors.Count == 0;

    public static TemplateSaveResult Saved(int id) => new(id, [], new Dictionary<string, string>());

    public static TemplateSaveResult NotFound() =>
        new(null, [], new Dictionary<string, string> { ["Id"] = "The template no longer exists." });
}
