using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Schedule;

public sealed class ScheduleController(ScheduleBook schedule) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(DateOnly? date, string? provider, string? location, CancellationToken ct)
    {
        var day = await schedule.GetDayAsync(date ?? schedule.Today(), provider, location, ct);
        return View(new ScheduleIndexModel(day, provider, location));
    }
}
