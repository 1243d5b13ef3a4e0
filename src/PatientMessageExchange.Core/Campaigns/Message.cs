using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// One recipient and mode of a campaign: the content rendered once at creation, its cost, and everything that happened
/// to it. The row is the unit of work: a job claims it, sends it, and records the result on it.
/// </summary>
public class Message
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public long BatchId { get; set; }
    public int? PatientId { get; set; }
    public int? ContactPointId { get; set; }
    public int? AppointmentId { get; set; }
    public ContactMode Mode { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The normalized address or E.164 number it goes to.</summary>
    public required string Address { get; set; }

    public string? Subject { get; set; }
    public required string Body { get; set; }
    public string? Language { get; set; }
    public int Segments { get; set; }
    public int Cost { get; set; }

    public MessageStatus Status { get; set; } = MessageStatus.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptUtc { get; set; }
    public DateTimeOffset? LeaseUntilUtc { get; set; }

    /// <summary>Who claimed it (Queued → Sending): a token per claim, so a worker sends only the rows it claimed itself.</summary>
    public string? ClaimToken { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? ProviderStatus { get; set; }
    public string? Error { get; set; }
    public bool NeedsAttention { get; set; }

    /// <summary>Set on the one later retry a carrier's "unreachable" (Twilio 30003) earns; the original stays Undelivered.</summary>
    public long? RetryOfMessageId { get; set; }

    /// <summary>
    /// Set on the message that channel fallback sent by the patient's next contact mode after this one failed for good
    /// (<see cref="Dispatch.ChannelFallback"/>); unique, so a failed message has at most one fallback.
    /// </summary>
    public long? FallbackOfMessageId { get; set; }

    /// <summary>
    /// Set, in the transaction that records a permanent failure of a message with a patient, to when channel fallback
    /// became due; cleared once <see cref="Dispatch.ChannelFallback"/> has decided. The sweeper retries what a crash
    /// between the two left behind.
    /// </summary>
    public DateTimeOffset? FallbackPendingUtc { get; set; }

    /// <summary>
    /// How many times deciding this message's fallback threw. Each throw puts <see cref="FallbackPendingUtc"/> off with a
    /// growing delay; at <see cref="Dispatch.DispatchOptions.FallbackMaxAttempts"/> the sweeper stops, and the message is
    /// "Failed – needs attention" on the Fix records worklist.
    /// </summary>
    public int FallbackAttempts { get; set; }

    /// <summary>The due item (recall or immunization) the message is about, kept so a fallback renders the same fields.</summary>
    public string? DueItem { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? SentUtc { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }
}
