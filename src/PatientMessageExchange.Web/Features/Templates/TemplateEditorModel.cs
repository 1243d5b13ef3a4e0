using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.Templates;

/// <summary>The editor: the form as typed, its errors by field, and the merge fields each part may use.</summary>
public sealed record TemplateEditorModel(
    TemplateForm Form,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    IReadOnlyList<MessageTemplate> Originals,
    bool CanEdit,
    bool IsArchived)
{
    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    public IEnumerable<MergeField> FieldsFor(TemplatePart part) => MergeFields.For(Form.Scope, part);

    public static TemplateEditorModel From(TemplateForm form, IReadOnlyList<MessageTemplate> originals, bool canEdit,
        bool isArchived, TemplateSaveResult? result = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }
        if (result is not null)
        {
            foreach (var (field, message) in result.FieldErrors)
            {
                Add(field, message);
            }
            foreach (var error in result.PartErrors)
            {
                Add(TemplateForm.FieldFor(error.Part), error.ToString());
            }
        }
        return new TemplateEditorModel(form, errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value),
            originals, canEdit, isArchived);
    }
}
