using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Schedule;

public sealed class ScheduleController(ScheduleBook schedule) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(DateOnly? date, string? provider, string? location, CancellationToken ct)
    {
        if (date is { } asked && PracticeDays.CheckRange(asked, asked) is { } problem)
        {
            TempData["Problem"] = problem;
            return RedirectToAction(nameof(Index), new { provider, location });
        }
        var day = await schedule.GetDayAsync(date ?? schedule.Today(), provider, location, ct);
        return View(new ScheduleIndexModel(day, provider, location));
    }

    /// <summary>The estimate for confirming the visible appointments or the whole day; nothing is sent yet.</summary>
    [HttpPost]
    public async Task<IActionResult> Confirm(ConfirmForm form, [FromServices] ConfirmationPlanner planner, CancellationToken ct)
    {
        if (RefuseDay(form) is { } refused)
        {
            return refused;
        }
        var plan = await planner.PlanAsync(form.ToRequest(), ct);
        return View(plan);
    }

    [HttpPost]
    public async Task<IActionResult> SendConfirmations(ConfirmForm form, [FromServices] ConfirmationPlanner planner,
        [FromServices] CampaignFactory factory, CancellationToken ct)
    {
        if (RefuseDay(form) is { } refused)
        {
            return refused;
        }
        var plan = await planner.PlanAsync(form.ToRequest(), ct);
        if (!plan.Plan.CanSend)
        {
            return View(nameof(Confirm), plan);
        }
        var created = await factory.CreateAsync(plan.Plan.Draft!, ct);
        if (!created.Succeeded)
        {
            ModelState.AddModelError("", created.Refusal!);
            return View(nameof(Confirm), plan);
        }
        TempData["Notice"] = $"Confirmation requests are on their way: {plan.Plan.TotalMessages} message(s), {plan.Plan.TotalCredits} credits.";
        return RedirectToAction(nameof(Index), new { date = form.Date.ToString("yyyy-MM-dd"), provider = form.Provider, location = form.Location });
    }

    /// <summary>
    /// The schedule only shows days in <see cref="PracticeDays"/>' range, so a confirmation for any other day (or none:
    /// a missing date binds as year 1) can only come from a forged form. It is refused before anything is planned.
    /// </summary>
    private RedirectToActionResult? RefuseDay(ConfirmForm form)
    {
        if (PracticeDays.CheckRange(form.Date, form.Date) is not { } problem)
        {
            return null;
        }
        TempData["Problem"] = problem;
        return RedirectToAction(nameof(Index), new { provider = form.Provider, location = form.Location });
    }
}
