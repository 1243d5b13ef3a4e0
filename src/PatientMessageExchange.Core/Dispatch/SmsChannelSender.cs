using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Texts. Paced by a token bucket at <see cref="TwilioOptions.MessagesPerSecond"/> (wall-clock time: the pace is a
/// physical limit, not business time). A 429 is retried after its Retry-After. A timeout or 5xx is ambiguous: the
/// provider is asked for the text at once, and again before every later attempt, so a text it created is never sent
/// twice (R6). Refusals map to the contact point's fate (R4).
/// </summary>
public sealed class SmsChannelSender(ISmsGateway gateway, IOptions<TwilioOptions> options, ILogger<SmsChannelSender> logger) : IChannelSender
{
    private readonly TokenBucket _bucket = new(options.Value.MessagesPerSecond, TimeProvider.System);

    public Channel Channel => Channel.Sms;

    public int Concurrency => Math.Clamp(options.Value.MessagesPerSecond, 1, 8);

    internal TokenBucket Bucket => _bucket;

    public async Task<SendResult> SendAsync(Message message, SendContext context, CancellationToken ct)
    {
        var sms = new OutgoingSms(message.Id, message.Address, message.Body);
        if (message.Attempts > 1 && await FindAsync(sms, message, ct) is { } earlier)
        {
            logger.LogInformation("Message {MessageId} was already created at the provider; not sending again", message.Id);
            return SendResult.Accepted(earlier);
        }
        await _bucket.WaitAsync(ct);
        var result = await gateway.SendAsync(sms, ct);
        switch (result.Outcome)
        {
            case GatewayOutcome.Accepted:
                return SendResult.Accepted(result.Sid);
            case GatewayOutcome.Throttled:
                return new SendResult(SendOutcome.Transient, null, result.Detail, result.RetryAfter);
            case GatewayOutcome.Ambiguous:
                logger.LogWarning("Message {MessageId}: ambiguous answer from the provider; looking it up", message.Id);
                return await FindAsync(sms, message, ct) is { } sid
                    ? SendResult.Accepted(sid)
                    : new SendResult(SendOutcome.Transient, null, result.Detail);
            default:
                return Refused(result);
        }
    }

    public async Task<SendResult?> LookUpAsync(Message message, CancellationToken ct) =>
        await FindAsync(new OutgoingSms(message.Id, message.Address, message.Body), message, ct) is { } sid ? SendResult.Accepted(sid) : null;

    /// <summary>A failing lookup throws, and the dispatcher keeps the message for a later attempt: never send blind.</summary>
    private Task<string?> FindAsync(OutgoingSms sms, Message message, CancellationToken ct) =>
        gateway.FindAsync(sms, message.CreatedUtc, ct);

    internal static SendResult Refused(GatewayResult result)
    {
        var code = result.ErrorCode ?? 0;
        var reason = TwilioErrorCodes.Reason(code);
        return TwilioErrorCodes.Classify(code) switch
        {
            TwilioErrorAction.OptedOut => new SendResult(SendOutcome.OptedOut, null, reason),
            TwilioErrorAction.Invalid or TwilioErrorAction.Landline =>
                new SendResult(SendOutcome.RecipientRejected, null, reason, FlagAs: ContactPointStatus.Invalid),
            TwilioErrorAction.RetryOnceLater => new SendResult(SendOutcome.Transient, null, reason),
            _ => new SendResult(SendOutcome.Permanent, null, result.Detail ?? reason),
        };
    }
}
