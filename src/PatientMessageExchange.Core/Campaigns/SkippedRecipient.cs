using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>A patient who will not be sent to, named for the staff screen (never for logs).</summary>
public sealed record SkippedRecipient(int PatientId, string PatientName, string ChartNumber, UnreachableReason? Reason, string Explanation);
