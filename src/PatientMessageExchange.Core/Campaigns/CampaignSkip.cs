using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>A patient of the audience who was not sent to, and why.</summary>
public class CampaignSkip
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public int? PatientId { get; set; }

    /// <summary>For broadcasts: the address that was left out.</summary>
    public string? Address { get; set; }

    public UnreachableReason? Reason { get; set; }
    public required string Explanation { get; set; }
}
