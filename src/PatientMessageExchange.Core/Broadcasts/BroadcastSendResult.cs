namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>The campaign created, or why not: field errors (by form field) or a refusal such as too few credits.</summary>
public sealed record BroadcastSendResult(long? CampaignId, IReadOnlyDictionary<string, string> Errors, BroadcastEstimate? Estimate)
{
    public bool Succeeded => CampaignId is not null;
}
