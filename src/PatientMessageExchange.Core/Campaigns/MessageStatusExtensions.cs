namespace PatientMessageExchange.Core.Campaigns;

public static class MessageStatusExtensions
{
    public static bool IsFinal(this MessageStatus status) => status is not (MessageStatus.Queued or MessageStatus.Sending);

    /// <summary>Whether the message used a provider and so was charged.</summary>
    public static bool IsCharged(this MessageStatus status) =>
        status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Undelivered or MessageStatus.Bounced;

    /// <summary>The order in which final provider states may replace each other; a status never moves back.</summary>
    public static int Rank(this MessageStatus status) => status switch
    {
        MessageStatus.Queued => 0,
        MessageStatus.Sending => 1,
        MessageStatus.Sent => 2,
        MessageStatus.Failed or MessageStatus.Cancelled => 3,
        MessageStatus.Undelivered or MessageStatus.Bounced => 4,
        MessageStatus.Delivered => 5,
        _ => 0,
    };
}
