namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Every part of a template rendered for one recipient. A part that is empty, or that has errors, is null; its errors
/// are in <see cref="Errors"/>. The email body is HTML for a sandboxed frame; the rest is plain text.
/// <see cref="Notes"/> says what was made up for the preview, such as a sample appointment.
/// </summary>
public sealed record TemplatePreview(
    string? EmailSubject,
    string? EmailHtmlBody,
    SmsPreview? Sms,
    string? VoiceScript,
    string Language,
    IReadOnlyList<TemplateError> Errors)
{
    public string? Recipient { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}
