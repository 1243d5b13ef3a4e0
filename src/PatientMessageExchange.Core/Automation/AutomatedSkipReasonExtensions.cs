namespace PatientMessageExchange.Core.Automation;

public static class AutomatedSkipReasonExtensions
{
    public static string Describe(this AutomatedSkipReason reason) => reason switch
    {
        AutomatedSkipReason.AlreadyConfirmed => "Already confirmed",
        AutomatedSkipReason.Cancelled => "Cancelled",
        AutomatedSkipReason.Unreachable => "Can't be reached for this need",
        AutomatedSkipReason.DailyCapReached => "Daily limit for this contact reached",
        AutomatedSkipReason.TooLate => "Delivery window does not open again before the appointment",
        AutomatedSkipReason.TemplateUnavailable => "The rule's template is archived or missing",
        AutomatedSkipReason.NotScheduled => "The appointment is no longer scheduled",
        _ => reason.ToString(),
    };
}
