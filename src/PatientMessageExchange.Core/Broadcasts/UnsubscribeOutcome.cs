namespace PatientMessageExchange.Core.Broadcasts;

public enum UnsubscribeOutcome
{
    /// <summary>The token is not one we issued for its message's address; nothing was written.</summary>
    InvalidToken = 1,

    Unsubscribed = 2,

    /// <summary>The address was already suppressed; nothing more was written.</summary>
    AlreadySuppressed = 3,
}
