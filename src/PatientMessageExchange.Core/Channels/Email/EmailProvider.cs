namespace PatientMessageExchange.Core.Channels.Email;

public enum EmailProvider
{
    Outbox,
    Smtp,
}
