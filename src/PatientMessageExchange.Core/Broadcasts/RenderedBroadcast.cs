using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// A broadcast's content rendered once with the practice's fields, the same for every recipient, or the errors that
/// stop it. <see cref="SubjectTemplate"/> and <see cref="BodyTemplate"/> are the source kept on the campaign.
/// </summary>
public sealed record RenderedBroadcast(
    int? TemplateId,
    string? TemplateName,
    string? Language,
    string? SubjectTemplate,
    string? BodyTemplate,
    string? Subject,
    string? HtmlBody,
    IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static RenderedBroadcast Fail(string field, string error) =>
        new(null, null, null, null, null, null, null, new Dictionary<string, string> { [field] = error });

    public TemplatePreview ToPreview() => new(Subject, HtmlBody, null, null, Language ?? "en", []);
}
