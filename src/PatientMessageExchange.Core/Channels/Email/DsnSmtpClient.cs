using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace PatientMessageExchange.Core.Channels.Email;

/// <summary>
/// Asks the server for delivery status notifications on failure and delay, carrying our envelope id (RFC 3461), so
/// a bounce names the message it is about even when the original headers are not quoted back.
/// </summary>
internal sealed class DsnSmtpClient : SmtpClient
{
    protected override string? GetEnvelopeId(MimeMessage message) =>
        MimeMessageFactory.ParseMessageId(message.MessageId) is { } id ? MimeMessageFactory.EnvelopeIdFor(id) : null;

    protected override DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox) =>
        DeliveryStatusNotification.Failure | DeliveryStatusNotification.Delay;
}
