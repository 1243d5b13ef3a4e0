namespace PatientMessageExchange.Core.Templates;

public enum TemplatePart
{
    EmailSubject,
    EmailBody,
    Sms,
    Voice,
}
