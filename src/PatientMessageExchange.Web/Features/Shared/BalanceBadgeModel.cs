using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.Web.Features.Shared;

public sealed record BalanceBadgeModel(CreditBalanceSnapshot Balance, int LowBalanceThreshold)
{
    public bool IsLow => Balance.Available < LowBalanceThreshold;
}
