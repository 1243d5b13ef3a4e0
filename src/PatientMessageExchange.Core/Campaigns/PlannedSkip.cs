using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

public sealed record PlannedSkip(int? PatientId, string? Address, UnreachableReason? Reason, string Explanation);
