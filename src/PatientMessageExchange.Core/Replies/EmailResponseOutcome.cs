namespace PatientMessageExchange.Core.Replies;

public enum EmailResponseOutcome
{
    InvalidLink = 0,
    Confirmed = 1,
    Cancelled = 2,
    AlreadyConfirmed = 3,
    AlreadyCancelled = 4,
    Passed = 5,
}
