using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Templates;

/// <summary>Renders unsaved template text for a chosen patient, as each channel would send it.</summary>
public sealed class TemplatePreviewer(TemplateRenderer renderer, MergeDataFactory mergeData)
{
    public TemplatePreview Preview(TemplateContent content, MergeScope scope, PracticeProfile practice, Patient? patient,
        Appointment? appointment, DueItem? due, string? language = null)
    {
        var code = TemplateLanguages.Normalize(language ?? patient?.Language);
        var errors = new List<TemplateError>();
        string? Render(TemplatePart part)
        {
            var source = content.Get(part);
            if (string.IsNullOrWhiteSpace(source))
            {
                return null;
            }
            var partErrors = renderer.Validate(part, source, scope);
            if (partErrors.Count > 0)
            {
                errors.AddRange(partErrors);
                return null;
            }
            var data = scope == MergeScope.Broadcast
                ? mergeData.ForPractice(practice)
                : mergeData.Create(practice, patient, appointment, due, part, code);
            return renderer.Render(part, source, data);
        }
        var subject = Render(TemplatePart.EmailSubject);
        var body = Render(TemplatePart.EmailBody);
        var sms = Render(TemplatePart.Sms);
        var voice = Render(TemplatePart.Voice);
        return new TemplatePreview(subject, body, sms is null ? null : SmsPreview.Of(sms), voice, code, errors);
    }
}
