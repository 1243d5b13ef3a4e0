using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.Web.Features.Shared;

/// <summary>The credit balance badge; any tab shows it with <c>@await Component.InvokeAsync("BalanceBadge")</c>.</summary>
public sealed class BalanceBadgeViewComponent(CreditLedger ledger, IOptions<CreditsOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Shared/_BalanceBadge.cshtml",
            new BalanceBadgeModel(await ledger.GetBalance(HttpContext.RequestAborted), options.Value.LowBalanceThreshold));
}
