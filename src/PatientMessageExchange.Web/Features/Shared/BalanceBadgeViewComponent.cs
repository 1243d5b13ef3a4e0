using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Features.Shared;

/// <summary>
/// The credit balance badge; any tab shows it with <c>@await Component.InvokeAsync("BalanceBadge")</c>. It reads the
/// balance row through the request's own context (views render after the action's work is saved) instead of building
/// a context of its own for one row on every page.
/// </summary>
public sealed class BalanceBadgeViewComponent(PmxDbContext db, IOptions<CreditsOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Shared/_BalanceBadge.cshtml",
            new BalanceBadgeModel(await CreditLedger.ReadBalance(db, HttpContext.RequestAborted), options.Value.LowBalanceThreshold));
}
