using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.EmailBroadcast;

/// <summary>
/// The Email Broadcast tab. Every signed-in user may build a list and send a broadcast: in the original product the
/// front desk does this, and the credits it spends are shown before anything is sent.
/// </summary>
public sealed class EmailBroadcastController(
    BroadcastComposer composer,
    BroadcastReports reports,
    TemplateLibrary library,
    PracticeDirectory practice,
    IOptions<BroadcastOptions> options,
    TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) =>
        View(new BroadcastIndexModel(await reports.ListAsync(page, ct), practice.GetTimeZone()));

    [HttpGet]
    public async Task<IActionResult> New(int? templateId, CancellationToken ct) =>
        View(await ComposerAsync(new BroadcastForm { TemplateId = templateId }, new Dictionary<string, string>(), ct));

    /// <summary>htmx: the list's count, removals with reasons, and the credit cost, as the sources change.</summary>
    [HttpPost]
    public async Task<IActionResult> Estimate(BroadcastForm form, CancellationToken ct)
    {
        var (csv, problem) = await ReadCsvAsync(form.CsvFile, ct);
        if (problem is not null)
        {
            return PartialView("_Estimate", new BroadcastEstimateModel(null, options.Value.RemovedShown, problem));
        }
        var request = form.ToRequest(csv);
        if (request.IsEmpty)
        {
            return PartialView("_Estimate", new BroadcastEstimateModel(null, options.Value.RemovedShown,
                "Choose patients, paste addresses or upload a file to see the list."));
        }
        return PartialView("_Estimate", new BroadcastEstimateModel(await composer.EstimateAsync(request, ct), options.Value.RemovedShown, null));
    }

    /// <summary>htmx: the email as every recipient will see it; nothing is saved.</summary>
    [HttpPost]
    public async Task<IActionResult> Preview(BroadcastForm form, CancellationToken ct)
    {
        if (form.TemplateId is null && string.IsNullOrWhiteSpace(form.Subject) && string.IsNullOrWhiteSpace(form.Body))
        {
            return PartialView("_Preview", (RenderedBroadcast?)null);
        }
        return PartialView("_Preview", await composer.RenderAsync(form.ToContent(), ct));
    }

    [HttpPost]
    public async Task<IActionResult> Send(BroadcastForm form, CancellationToken ct)
    {
        var (csv, problem) = await ReadCsvAsync(form.CsvFile, ct);
        if (problem is not null)
        {
            return View(nameof(New), await ComposerAsync(form, new Dictionary<string, string> { [BroadcastComposer.ListField] = problem }, ct));
        }
        DateTimeOffset? scheduled = null;
        if (form.IsScheduled)
        {
            if (form.ScheduledFor is not { } local)
            {
                return View(nameof(New), await ComposerAsync(form,
                    new Dictionary<string, string> { [BroadcastComposer.ScheduleField] = "Choose when to send it." }, ct));
            }
            var (utc, error) = SendTimes.FromLocal(local, practice.GetTimeZone(), clock.GetUtcNow());
            if (error is not null)
            {
                return View(nameof(New), await ComposerAsync(form,
                    new Dictionary<string, string> { [BroadcastComposer.ScheduleField] = error }, ct));
            }
            scheduled = utc;
        }
        var result = await composer.SendAsync(new BroadcastOrder(form.ToRequest(csv), form.ToContent(), form.Name, scheduled), ct);
        if (!result.Succeeded)
        {
            return View(nameof(New), await ComposerAsync(form, result.Errors, ct));
        }
        TempData["Notice"] = scheduled is null
            ? $"The broadcast is on its way to {result.Estimate!.List.Count:N0} addresses."
            : $"The broadcast to {result.Estimate!.List.Count:N0} addresses is scheduled.";
        return RedirectToAction(nameof(Details), new { id = result.CampaignId });
    }

    [HttpGet]
    public async Task<IActionResult> Details(long id, CancellationToken ct)
    {
        var report = await reports.GetAsync(id, ct);
        return report is null ? NotFound() : View(new BroadcastDetailsModel(report, practice.GetTimeZone()));
    }

    private async Task<BroadcastComposerModel> ComposerAsync(BroadcastForm form, IReadOnlyDictionary<string, string> errors,
        CancellationToken ct)
    {
        var templates = await library.ListAsync(new TemplateQuery(Scope: MergeScope.Broadcast), ct);
        return new BroadcastComposerModel(form, templates.Where(t => t.ToContent().HasEmail).ToList(), errors, practice.GetTimeZone().Id);
    }

    private async Task<(byte[]? Content, string? Problem)> ReadCsvAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, null);
        }
        if (file.Length > options.Value.MaxUploadBytes)
        {
            return (null, $"The file is larger than {options.Value.MaxUploadBytes / (1024 * 1024)} MB.");
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }
}
