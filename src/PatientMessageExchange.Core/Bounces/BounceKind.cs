namespace PatientMessageExchange.Core.Bounces;

public enum BounceKind
{
    /// <summary>A permanent failure (5.x.x): the address is marked Bounced and suppressed.</summary>
    Hard = 1,

    /// <summary>A temporary failure (4.x.x): counted, and treated as hard after the configured number.</summary>
    Soft = 2,

    /// <summary>The recipient reported the message as abuse (an ARF feedback report): the address is suppressed.</summary>
    Complaint = 3,

    /// <summary>A report we could not read; it is kept whole for a person to look at.</summary>
    Unclassified = 4,
}
