namespace PatientMessageExchange.Core.Campaigns;

public enum CampaignStatus
{
    /// <summary>Created with its messages and reservation; waits for its scheduled time.</summary>
    Scheduled = 1,

    /// <summary>Its batches are queued or running.</summary>
    Sending = 2,

    /// <summary>Every message reached a final state.</summary>
    Completed = 3,

    /// <summary>Staff cancelled what had not gone; those messages' credits were released.</summary>
    Cancelled = 4,
}
