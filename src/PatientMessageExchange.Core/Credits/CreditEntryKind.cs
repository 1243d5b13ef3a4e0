namespace PatientMessageExchange.Core.Credits;

public enum CreditEntryKind
{
    Purchase = 1,
    Bonus = 2,
    Reserve = 3,
    Release = 4,
    Charge = 5,
    Adjustment = 6,

    /// <summary>A refunded purchase's credits and bonus taken back (negative, from the available balance).</summary>
    Refund = 7,
}
