namespace PatientMessageExchange.Core.Credits;

public enum CreditOutcome
{
    /// <summary>The entry was written now.</summary>
    Posted = 1,

    /// <summary>An entry with this key already existed; nothing was written and the first result is returned.</summary>
    Replayed = 2,

    /// <summary>The available balance does not cover the reservation; nothing was written.</summary>
    InsufficientCredits = 3,

    /// <summary>The message's share was already charged or released under another key; nothing was written.</summary>
    AlreadyResolved = 4,

    /// <summary>The campaign has not reserved enough to cover the share; nothing was written.</summary>
    ExceedsReservation = 5,

    /// <summary>The purchase is not pending (failed or refunded); nothing was written.</summary>
    PurchaseNotPending = 6,

    /// <summary>Nothing is owed (a STOP or HELP keyword); nothing was written.</summary>
    NotCharged = 7,

    /// <summary>The purchase is not completed (pending, failed or already refunded), so it can't be refunded; nothing was written.</summary>
    PurchaseNotCompleted = 8,
}
