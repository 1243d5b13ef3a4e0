using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Patients;

/// <summary>The latest confirmation request for an appointment: when it was made, by which channel, and how it stands.</summary>
public sealed record ConfirmationRequestState(DateTimeOffset CreatedUtc, DateTimeOffset? SentUtc, Channel Channel, MessageStatus Status)
{
    /// <summary>Still on its way or delivered, so asking again would be a second request for the same visit.</summary>
    public bool IsPending => Status is MessageStatus.Queued or MessageStatus.Sending or MessageStatus.Sent or MessageStatus.Delivered;
}
