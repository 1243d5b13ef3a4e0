namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// What a rule makes of one due appointment before anything is planned: send it, skip it (with the reason), or wait
/// for the delivery window.
/// </summary>
public sealed record AutomationDecision(AutomationRule Rule, DueAppointment Appointment, DateTimeOffset SendAtUtc,
    AutomatedSkipReason? Skip, string? Explanation, bool Wait)
{
    public bool Send => Skip is null && !Wait;
}
