using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Twilio;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>Calls, paced at <see cref="TwilioOptions.CallsPerSecond"/>, with the same ambiguity rule as texts (R6).</summary>
public sealed class VoiceChannelSender(IVoiceGateway gateway, IOptions<TwilioOptions> options, ILogger<VoiceChannelSender> logger) : IChannelSender
{
    private readonly TokenBucket _bucket = new(options.Value.CallsPerSecond, TimeProvider.System);

    public Channel Channel => Channel.Voice;

    public int Concurrency => Math.Clamp(options.Value.CallsPerSecond, 1, 4);

    public async Task<SendResult> SendAsync(Message message, SendContext context, CancellationToken ct)
    {
        var call = new OutgoingCall(message.Id, message.Address, message.Body, message.Language);
        if (message.Attempts > 1 && await gateway.FindAsync(call, message.CreatedUtc, ct) is { } earlier)
        {
            logger.LogInformation("Message {MessageId}: the call was already placed; not calling again", message.Id);
            return SendResult.Accepted(earlier);
        }
        await _bucket.WaitAsync(ct);
        var result = await gateway.CallAsync(call, ct);
        return result.Outcome switch
        {
            GatewayOutcome.Accepted => SendResult.Accepted(result.Sid),
            GatewayOutcome.Throttled => new SendResult(SendOutcome.Transient, null, result.Detail, result.RetryAfter),
            GatewayOutcome.Ambiguous => await gateway.FindAsync(call, message.CreatedUtc, ct) is { } sid
                ? SendResult.Accepted(sid)
                : new SendResult(SendOutcome.Transient, null, result.Detail),
            _ => SmsChannelSender.Refused(result),
        };
    }

    public async Task<SendResult?> LookUpAsync(Message message, CancellationToken ct) =>
        await gateway.FindAsync(new OutgoingCall(message.Id, message.Address, message.Body, message.Language), message.CreatedUtc, ct) is { } sid
            ? SendResult.Accepted(sid)
            : null;
}
