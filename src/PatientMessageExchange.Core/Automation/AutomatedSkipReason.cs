namespace PatientMessageExchange.Core.Automation;

public enum AutomatedSkipReason
{
    AlreadyConfirmed = 1,
    Cancelled = 2,
    Unreachable = 3,
    DailyCapReached = 4,
    TooLate = 5,
    TemplateUnavailable = 6,
    NotScheduled = 7,
}
