namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>Why an address was left off a broadcast list.</summary>
public enum RemovalReason
{
    InvalidAddress = 1,
    NoMailServer = 2,
    Unsubscribed = 3,
    HardBounced = 4,
    Complained = 5,
    OptedOut = 6,
    Suppressed = 7,
}
