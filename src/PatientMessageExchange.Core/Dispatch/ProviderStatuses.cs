using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>Twilio's message and call statuses in our terms; the in-between ones (queued, ringing…) change nothing.</summary>
public static class ProviderStatuses
{
    public static MessageStatus? ToMessageStatus(string status) => status switch
    {
        "sent" => MessageStatus.Sent,
        "delivered" or "read" or "completed" => MessageStatus.Delivered,
        "undelivered" or "failed" or "busy" or "no-answer" => MessageStatus.Undelivered,
        _ => null,
    };
}
