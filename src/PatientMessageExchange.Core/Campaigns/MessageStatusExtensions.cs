namespace PatientMessageExchange.Core.Campaigns;

public static class MessageStatusExtensions
{
    public static bool IsFinal(this MessageStatus status) => status is not (MessageStatus.Queued or MessageStatus.Sending);

    /// <summary>
    /// Whether the status alone says a provider accepted the message, and so it was charged. Bounced is left out: a
    /// bounce reported after acceptance was charged, but a recipient refused at send time was released. The ledger
    /// entry for the message is the record either way.
    /// </summary>
    public static bool IsCharged(this MessageStatus status) =>
        status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Undelivered;

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
