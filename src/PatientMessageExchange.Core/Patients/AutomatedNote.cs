using PatientMessageExchange.Core.Automation;

namespace PatientMessageExchange.Core.Patients;

/// <summary>What one automated rule did for an appointment, as the Schedule shows it.</summary>
public sealed record AutomatedNote(int AppointmentId, string RuleName, AutomatedSendOutcome Outcome, AutomatedSkipReason? SkipReason,
    DateTimeOffset DecidedUtc)
{
    public string Describe() => Outcome switch
    {
        AutomatedSendOutcome.Sent => $"{RuleName}: sent",
        AutomatedSendOutcome.Merged => $"{RuleName}: sent with a sibling's",
        _ => $"{RuleName}: skipped ({SkipReason?.Describe().ToLowerInvariant()})",
    };
}
