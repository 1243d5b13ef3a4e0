namespace PatientMessageExchange.Core.Automation;

/// <summary>How a rule's send time is set relative to the appointment.</summary>
public enum AutomationTiming
{
    /// <summary>N days before the appointment's day, at a time of day in the practice's time zone.</summary>
    DaysBeforeAt = 1,

    /// <summary>N hours before the appointment starts.</summary>
    HoursBefore = 2,
}
