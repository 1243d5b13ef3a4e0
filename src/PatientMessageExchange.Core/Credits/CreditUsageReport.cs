namespace PatientMessageExchange.Core.Credits;

/// <summary>Everything the Usage Statistics tab shows, read from the ledger.</summary>
public sealed record CreditUsageReport(
    CreditBalanceSnapshot Balance,
    IReadOnlyList<CreditUsageMonth> Months,
    IReadOnlyList<CreditUsageByMode> ByMode,
    int LowBalanceThreshold,
    long AverageWeeklyUse,
    CreditIntegrityReport Integrity,
    IReadOnlyList<CreditPurchase> Purchases,
    IReadOnlyList<CreditPlan> Plans)
{
    public bool IsBelowThreshold => Balance.Available < LowBalanceThreshold;

    public bool IsBelowWeeklyUse => AverageWeeklyUse > 0 && Balance.Available < AverageWeeklyUse;

    public bool IsLow => IsBelowThreshold || IsBelowWeeklyUse;
}
