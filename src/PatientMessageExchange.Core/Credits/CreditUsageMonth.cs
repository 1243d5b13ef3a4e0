namespace PatientMessageExchange.Core.Credits;

/// <summary>Credits bought (with bonus) and used (charged) in one calendar month of the practice's time zone.</summary>
public sealed record CreditUsageMonth(int Year, int Month, long Purchased, long Used)
{
    public string Label => new DateTime(Year, Month, 1).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
