namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// A message written in the composer, checked by the same rules as a template save (parts, lengths, merge fields):
/// the cleaned <see cref="Content"/>, and why it can't be sent when it can't.
/// </summary>
public sealed record WrittenMessageCheck(
    TemplateContent Content,
    IReadOnlyList<TemplateError> PartErrors,
    IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool IsValid => PartErrors.Count == 0 && FieldErrors.Count == 0;
}
