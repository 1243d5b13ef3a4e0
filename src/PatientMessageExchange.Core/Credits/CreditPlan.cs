namespace PatientMessageExchange.Core.Credits;

/// <summary>A package of credits for sale. Once bought it is retired rather than deleted; purchases keep a copy of its terms.</summary>
public class CreditPlan
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Credits { get; set; }
    public int BonusCredits { get; set; }
    public long PriceCents { get; set; }
    public bool IsRetired { get; set; }

    public int TotalCredits => Credits + BonusCredits;
}
