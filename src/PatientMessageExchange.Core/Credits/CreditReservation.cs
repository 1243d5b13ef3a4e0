namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// What a campaign still holds of the credits it reserved. Charges and releases of its messages draw this down with a
/// conditional update, so a campaign can never resolve more than it reserved.
/// </summary>
public class CreditReservation
{
    public long CampaignId { get; set; }
    public int Reserved { get; set; }
    public int Outstanding { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
}
