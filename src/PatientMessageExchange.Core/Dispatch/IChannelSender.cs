using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>Sends one stored message over one channel and says what the provider answered.</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>Messages of one batch in flight at once.</summary>
    int Concurrency { get; }

    Task<SendResult> SendAsync(Message message, SendContext context, CancellationToken ct);

    /// <summary>
    /// For a message found in Sending after a crash: asks the provider whether it already has it. Null means the
    /// provider can't tell, so the message is sent again (email allows that; text and voice look it up).
    /// </summary>
    Task<SendResult?> LookUpAsync(Message message, CancellationToken ct);
}
