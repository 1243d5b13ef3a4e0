using System.Text;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.FixRecords;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Web.Features.FixRecords;

/// <summary>The worklist of contact points to correct and patients that a message would skip; open to all staff.</summary>
public sealed class FixRecordsController(FixRecordsWorklist worklist, ContactNormalizer normalizer, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(FixRecordsFilter filter, CancellationToken ct)
    {
        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(filter.To), "The end date is before the start date.");
            filter.To = null;
        }
        var items = await worklist.ListAsync(filter.ToQuery(), ct);
        return View(new FixRecordsModel(filter, items, normalizer.FormatForDisplay));
    }

    [HttpGet]
    public async Task<IActionResult> Export(FixRecordsFilter filter, CancellationToken ct)
    {
        await using var writer = new StringWriter();
        await worklist.WriteCsvAsync(filter.ToQuery(), writer, ct);
        var name = $"fix-records-{clock.GetUtcNow():yyyyMMdd}.csv";
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv", name);
    }

    [HttpPost]
    public async Task<IActionResult> Review(int contactPointId, CancellationToken ct)
    {
        var result = await worklist.MarkReviewedAsync(contactPointId, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded
            ? "Marked reviewed; the row leaves the list until the status changes again."
            : result.Error;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Unreachable(Need need = Need.AppointmentReminder, UnreachableReason? reason = null,
        int page = 1, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(need))
        {
            need = Need.AppointmentReminder;
        }
        var patients = await worklist.ListUnreachableAsync(need, reason, page, ct);
        return View(new UnreachableModel(need, reason, patients));
    }
}
