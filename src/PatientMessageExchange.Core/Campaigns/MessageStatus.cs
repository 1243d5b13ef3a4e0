namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// A message's life. Queued and Sending are working states; the rest are final. Statuses only move forward (a late
/// "sent" callback never undoes "delivered").
/// </summary>
public enum MessageStatus
{
    Queued = 1,
    Sending = 2,

    /// <summary>A provider accepted it; it was charged.</summary>
    Sent = 3,

    /// <summary>The provider confirmed delivery (text and phone); charged.</summary>
    Delivered = 4,

    /// <summary>The carrier or mailbox rejected it after it was sent; it was charged, as the provider was used.</summary>
    Undelivered = 5,

    /// <summary>A hard bounce; the contact point was flagged.</summary>
    Bounced = 6,

    /// <summary>It never reached a provider (retries exhausted or refused); its credits were released.</summary>
    Failed = 7,

    /// <summary>Cancelled before it went; its credits were released.</summary>
    Cancelled = 8,
}
