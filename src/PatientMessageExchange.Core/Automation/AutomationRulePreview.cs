using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Automation;

/// <summary>One rule's dry run for the next 24 hours and its last 7 days.</summary>
public sealed record AutomationRulePreview(
    int DueAppointments,
    IReadOnlyList<AutomationChannelCount> Channels,
    int Credits,
    int Skipped,
    IReadOnlyList<string> Problems,
    IReadOnlyList<AutomationPreviewItem> Appointments,
    int SentLast7Days,
    int MergedLast7Days,
    IReadOnlyDictionary<AutomatedSkipReason, int> SkippedLast7Days,
    IReadOnlyDictionary<MessageStatus, int> MessageOutcomesLast7Days)
{
    public int Messages => Channels.Sum(c => c.Messages);
}
