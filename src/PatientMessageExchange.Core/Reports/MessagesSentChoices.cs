namespace PatientMessageExchange.Core.Reports;

/// <summary>What the report's campaign and staff filters offer for a period.</summary>
public sealed record MessagesSentChoices(IReadOnlyList<CampaignChoice> Campaigns, IReadOnlyList<StaffChoice> Staff);
