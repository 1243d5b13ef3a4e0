namespace PatientMessageExchange.Core.Templates;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
