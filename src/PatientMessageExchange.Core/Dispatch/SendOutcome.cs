namespace PatientMessageExchange.Core.Dispatch;

public enum SendOutcome
{
    /// <summary>A provider accepted it: charge it.</summary>
    Accepted,

    /// <summary>Try again later (4xx, throttling, a dropped connection).</summary>
    Transient,

    /// <summary>Refused for good: release its credits.</summary>
    Permanent,

    /// <summary>The address itself was refused (a hard bounce at send time): release, and flag the contact point.</summary>
    RecipientRejected,

    /// <summary>Refused because the address is opted out at the provider: release, and flag it opted out.</summary>
    OptedOut,
}
