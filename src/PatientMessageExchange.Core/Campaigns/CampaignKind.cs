namespace PatientMessageExchange.Core.Campaigns;

public enum CampaignKind
{
    Personalized = 1,
    Broadcast = 2,
    Confirmation = 3,
}
