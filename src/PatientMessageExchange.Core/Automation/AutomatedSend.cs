namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// The decision a rule made for one appointment at one start time: sent (in which campaign, to which address),
/// merged into a sibling's message, or skipped with the reason. The unique (rule, appointment, start) key makes each
/// decision once, across restarts, workers and reruns; a rescheduled appointment has a new start, so it is due again.
/// </summary>
public class AutomatedSend
{
    public long Id { get; set; }
    public int RuleId { get; set; }
    public int AppointmentId { get; set; }
    public DateTimeOffset AppointmentStartUtc { get; set; }
    public int PatientId { get; set; }
    public DateTimeOffset DecidedUtc { get; set; }

    /// <summary>The practice's local day of the decision; the daily cap counts per (address, day).</summary>
    public DateOnly PracticeDay { get; set; }

    public AutomatedSendOutcome Outcome { get; set; }
    public AutomatedSkipReason? SkipReason { get; set; }
    public string? Explanation { get; set; }
    public long? CampaignId { get; set; }
    public string? Address { get; set; }
}
