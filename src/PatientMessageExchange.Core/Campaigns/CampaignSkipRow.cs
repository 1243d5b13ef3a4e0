namespace PatientMessageExchange.Core.Campaigns;

/// <summary>A skipped recipient as the campaign page lists it: the patient's name (or the address) and why.</summary>
public sealed record CampaignSkipRow(int? PatientId, string? PatientName, string? Address, string Explanation);
