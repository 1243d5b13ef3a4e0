namespace PatientMessageExchange.Core.Credits;

public sealed record CreditBalanceSnapshot(int Available, int Reserved, long Version)
{
    public bool IsOverdrawn => Available < 0;
}
