using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.Templates;

/// <summary>The editor's fields, exactly as typed, so that a refused save shows them again.</summary>
public sealed class TemplateForm
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public Need Need { get; set; } = Need.AppointmentReminder;
    public MergeScope Scope { get; set; } = MergeScope.Personalized;
    public string? Language { get; set; } = "en";
    public int? VariantOfId { get; set; }
    public string? EmailSubject { get; set; }
    public string? EmailHtmlBody { get; set; }
    public string? SmsBody { get; set; }
    public string? VoiceScript { get; set; }

    /// <summary>The patient the live preview renders for; not saved.</summary>
    public int? PreviewPatientId { get; set; }

    public TemplateContent Content => new(EmailSubject, EmailHtmlBody, SmsBody, VoiceScript);

    public TemplateDraft ToDraft() => new(Id, Name, Need, Scope, Language, VariantOfId, Content);

    public static TemplateForm From(MessageTemplate t) => new()
    {
        Id = t.Id,
        Name = t.Name,
        Need = t.Need,
        Scope = t.Scope,
        Language = t.Language,
        VariantOfId = t.VariantOfId,
        EmailSubject = t.EmailSubject,
        EmailHtmlBody = t.EmailHtmlBody,
        SmsBody = t.SmsBody,
        VoiceScript = t.VoiceScript,
    };

    /// <summary>A new translation of <paramref name="original"/>, starting from its text.</summary>
    public static TemplateForm TranslationOf(MessageTemplate original)
    {
        var form = From(original);
        form.Id = null;
        form.VariantOfId = original.Id;
        form.Language = original.Language == "es" ? "en" : "es";
        return form;
    }

    /// <summary>The form field that shows a part's errors.</summary>
    public static string FieldFor(TemplatePart part) => part switch
    {
        TemplatePart.EmailSubject => nameof(EmailSubject),
        TemplatePart.EmailBody => nameof(EmailHtmlBody),
        TemplatePart.Sms => nameof(SmsBody),
        _ => nameof(VoiceScript),
    };
}
