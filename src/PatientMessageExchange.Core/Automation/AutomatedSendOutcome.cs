namespace PatientMessageExchange.Core.Automation;

public enum AutomatedSendOutcome
{
    /// <summary>A message was created for this appointment.</summary>
    Sent = 1,

    /// <summary>A sibling's message to the same contact names this appointment's child too.</summary>
    Merged = 2,

    /// <summary>Nothing was sent; <see cref="AutomatedSend.SkipReason"/> says why.</summary>
    Skipped = 3,
}
