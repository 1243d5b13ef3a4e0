using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>What a channel needs to know about the campaign and the practice, read once per batch.</summary>
public sealed record SendContext(Campaign Campaign, string PracticeName, string PracticePhone, string PracticeAddress);
