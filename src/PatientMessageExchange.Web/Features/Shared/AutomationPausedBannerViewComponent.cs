using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Features.Shared;

/// <summary>
/// The banner office managers and administrators see on every page while automated messages are paused for lack of
/// credits; one primary-key read of the settings row.
/// </summary>
public sealed class AutomationPausedBannerViewComponent(PmxDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var paused = await db.AutomationSettings.AsNoTracking()
            .Where(s => s.Id == AutomationSettings.SingletonId && s.PausedUtc != null)
            .Select(s => new AutomationPausedBannerModel(s.PausedUtc!.Value, s.PausedNeedCredits))
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return paused is null ? Content("") : View("~/Features/Shared/_AutomationPausedBanner.cshtml", paused);
    }
}
