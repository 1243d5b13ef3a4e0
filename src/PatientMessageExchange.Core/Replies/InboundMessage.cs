using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// A reply: a text from a patient's number, or a keypress (or its absence) on a call. <see cref="From"/>,
/// <see cref="To"/> and <see cref="Body"/> are PHI and are never logged. <see cref="ProviderSid"/> is unique: Twilio's
/// MessageSid for a text, the CallSid plus the step for a call, so a repeated webhook is recognised.
/// </summary>
public class InboundMessage
{
    public long Id { get; set; }
    public required string ProviderSid { get; set; }
    public Channel Channel { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset ReceivedUtc { get; set; }
    public InboundKind Kind { get; set; }
    public int? PatientId { get; set; }
    public int? ContactPointId { get; set; }
    public int? AppointmentId { get; set; }

    /// <summary>The latest outbound message to that number (for a call, the call's own message).</summary>
    public long? MessageId { get; set; }

    /// <summary>When staff dealt with a follow-up (a call-back request or an unmatched reply).</summary>
    public DateTimeOffset? HandledUtc { get; set; }
}
