using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Cancellations;

/// <summary>The Cancellations worklist: slots families freed, for the front desk to fill.</summary>
public sealed class CancellationsController(Core.Patients.Cancellations cancellations) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await cancellations.ListAsync(ct));

    [HttpPost]
    public async Task<IActionResult> Handled(int id, CancellationToken ct)
    {
        var result = await cancellations.MarkHandledAsync(id, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Marked as dealt with; it has left the list.";
        }
        else
        {
            TempData["Problem"] = result.Error;
        }
        return RedirectToAction(nameof(Index));
    }
}
