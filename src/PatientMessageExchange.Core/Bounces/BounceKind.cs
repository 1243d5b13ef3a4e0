namespace PatientMessageExchange.Core.Bounces;

public enum BounceKind
{
    /// <summary>The address does not work (5.1.x, 5.2.1 disabled, no such domain): marked Bounced and suppressed.</summary>
    Hard = 1,

    /// <summary>
    /// A failure that may pass (mailbox full, message too big, 4.x.x, or a permanent failure that names no cause):
    /// counted, and treated as hard after the configured number.
    /// </summary>
    Soft = 2,

    /// <summary>The recipient reported the message as abuse (an ARF feedback report): the address is suppressed.</summary>
    Complaint = 3,

    /// <summary>A report we could not read; it is kept whole for a person to look at.</summary>
    Unclassified = 4,

    /// <summary>
    /// The receiving server refused the practice's mail, not the address (5.7.x authentication, SPF/DKIM/DMARC, policy,
    /// reputation, blocklists): the address is left alone, and several of these warn the administrator.
    /// </summary>
    Blocked = 5,
}
