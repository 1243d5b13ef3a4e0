using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Email;

namespace PatientMessageExchange.Core.Dispatch;

public sealed class EmailChannelSender(IEmailTransport transport, IOptions<DispatchOptions> options, IEmailHeaders? headers = null)
    : IChannelSender
{
    public Channel Channel => Channel.Email;

    public int Concurrency => options.Value.EmailConcurrency;

    public async Task<SendResult> SendAsync(Message message, SendContext context, CancellationToken ct)
    {
        var extraHeaders = headers?.For(message, context);
        var body = headers?.BodyFor(message, context) ?? message.Body;
        var result = await transport.SendAsync(
            new OutgoingEmail(message.Id, message.Address, context.PracticeName, message.Subject ?? "", body, extraHeaders), ct);
        return result.Outcome switch
        {
            EmailSendOutcome.Accepted => SendResult.Accepted(result.ProviderMessageId),
            EmailSendOutcome.Transient => new SendResult(SendOutcome.Transient, null, result.Detail),
            EmailSendOutcome.RecipientRejected => new SendResult(SendOutcome.RecipientRejected, null, result.Detail),
            _ => new SendResult(SendOutcome.Permanent, null, result.Detail),
        };
    }

    /// <summary>SMTP has no way to ask whether a message arrived; an interrupted email is sent again.</summary>
    public Task<SendResult?> LookUpAsync(Message message, CancellationToken ct) => Task.FromResult<SendResult?>(null);
}
