namespace PatientMessageExchange.Core.Templates;

/// <summary>The four parts of a message as Liquid source; any may be empty.</summary>
public sealed record TemplateContent(string? EmailSubject, string? EmailHtmlBody, string? SmsBody, string? VoiceScript)
{
    public static readonly IReadOnlyList<TemplatePart> Parts =
        [TemplatePart.EmailSubject, TemplatePart.EmailBody, TemplatePart.Sms, TemplatePart.Voice];

    public string? Get(TemplatePart part) => part switch
    {
        TemplatePart.EmailSubject => EmailSubject,
        TemplatePart.EmailBody => EmailHtmlBody,
        TemplatePart.Sms => SmsBody,
        TemplatePart.Voice => VoiceScript,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public bool HasEmail => !string.IsNullOrWhiteSpace(EmailSubject) || !string.IsNullOrWhiteSpace(EmailHtmlBody);
    public bool HasSms => !string.IsNullOrWhiteSpace(SmsBody);
    public bool HasVoice => !string.IsNullOrWhiteSpace(VoiceScript);
    public bool IsEmpty => !HasEmail && !HasSms && !HasVoice;
}
