namespace PatientMessageExchange.Core.Channels.Email;

/// <summary>Hands one email to the outside world: an SMTP server in production, the outbox folder by default.</summary>
public interface IEmailTransport
{
    Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken ct);
}
