using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Features.FollowUp;

/// <summary>Replies that need a person: call-back requests, replies the app could not act on, unanswered confirmation calls.</summary>
public sealed class FollowUpController(FollowUpList followUps) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(bool all = false, CancellationToken ct = default) =>
        View(new FollowUpIndexModel(await followUps.ListAsync(all, ct), all));

    [HttpPost]
    public async Task<IActionResult> MarkHandled(long id, CancellationToken ct)
    {
        if (await followUps.MarkHandledAsync(id, ct))
        {
            TempData["Notice"] = "Marked handled.";
        }
        else
        {
            TempData["Problem"] = "That follow-up was already handled, or does not exist.";
        }
        return RedirectToAction(nameof(Index));
    }
}
