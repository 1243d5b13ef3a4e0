namespace PatientMessageExchange.Core.Templates;

/// <summary>How long each part may be; the editor refuses more with a message, the database holds exactly this.</summary>
public static class TemplateLimits
{
    public const int Name = 200;
    public const int EmailSubject = 500;
    public const int EmailHtmlBody = 100_000;
    public const int SmsBody = 1_600;
    public const int VoiceScript = 4_000;
}
