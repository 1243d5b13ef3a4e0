using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.Web.Features.Bounces;

/// <summary>Bounces and non-deliveries, newest first, with links to correct each record; open to all staff.</summary>
public sealed class BouncesController(BounceLog log) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(BounceKind? kind, int page = 1, CancellationToken ct = default)
    {
        if (kind is { } k && !Enum.IsDefined(k))
        {
            kind = null;
        }
        var bounces = await log.ListAsync(kind, page, ct);
        return View(new BouncesModel(kind, bounces, await log.BlockedWarningAsync(ct)));
    }

    [HttpGet]
    public async Task<IActionResult> Report(long id, CancellationToken ct)
    {
        var report = await log.ReadReportAsync(id, ct);
        return report is null ? NotFound() : View(report);
    }
}
