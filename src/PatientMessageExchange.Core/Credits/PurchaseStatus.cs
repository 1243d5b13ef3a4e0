namespace PatientMessageExchange.Core.Credits;

public enum PurchaseStatus
{
    Pending = 1,
    Completed = 2,
    Failed = 3,
    Refunded = 4,
}
