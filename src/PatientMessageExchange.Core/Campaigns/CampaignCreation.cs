namespace PatientMessageExchange.Core.Campaigns;

/// <summary>The campaign that was created, or why none was (nothing was written then).</summary>
public sealed record CampaignCreation(long? CampaignId, string? Refusal, int AvailableCredits)
{
    public bool Succeeded => CampaignId is not null;
}
