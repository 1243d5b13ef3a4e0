namespace PatientMessageExchange.Core.Preferences;

/// <summary>Why one preferred mode, or one contact point of it, was passed over.</summary>
public enum SkipReason
{
    /// <summary>No contact point of this mode is on file.</summary>
    Missing = 1,
    Bounced = 2,
    Invalid = 3,
    OptedOut = 4,

    /// <summary>The address is on the suppression list for the mode's channel.</summary>
    Suppressed = 5,

    /// <summary>The family asked never to be contacted by this mode.</summary>
    DoNotContact = 6,

    /// <summary>The point is the minor's own; messages about a minor go to a guardian.</summary>
    MinorsOwnContact = 7,

    /// <summary>The address unsubscribed from announcements; it still takes care messages.</summary>
    UnsubscribedFromAnnouncements = 8,
}
