namespace PatientMessageExchange.Core.Credits;

/// <summary>The totals the entries add up to, beside the balance row's; they must agree.</summary>
public sealed record CreditIntegrityReport(
    int EntryCount,
    long ExpectedAvailable,
    long ExpectedReserved,
    int BalanceAvailable,
    int BalanceReserved,
    int? LastAvailableAfter,
    int? LastReservedAfter,
    DateTimeOffset CheckedUtc)
{
    public bool IsConsistent =>
        ExpectedAvailable == BalanceAvailable && ExpectedReserved == BalanceReserved &&
        (LastAvailableAfter ?? 0) == BalanceAvailable && (LastReservedAfter ?? 0) == BalanceReserved;
}
