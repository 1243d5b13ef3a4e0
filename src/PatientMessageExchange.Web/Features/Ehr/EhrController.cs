using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Ehr;

/// <summary>Administration > EHR connection (FHIR R4 settings) and EHR sync (runs, skipped resources, write-backs).</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class EhrController(
    EhrConnectionSettings settings,
    EhrSyncReports reports,
    EhrWriteBackProcessor writeBacks,
    IBackgroundJobClient jobs,
    AuditLog audit) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Connection(CancellationToken ct) =>
        View(EhrConnectionPage.From(await settings.GetAsync(ct), null));

    [HttpPost]
    public async Task<IActionResult> Connection(EhrConnectionForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.AuthMode))
        {
            ModelState.AddModelError(nameof(form.AuthMode), "Choose how the app signs in to the EHR.");
        }
        if (ModelState.IsValid)
        {
            var saved = await settings.SaveAsync(form, ct);
            if (saved.Succeeded)
            {
                TempData["Notice"] = form.Enabled
                    ? "The EHR connection is saved; the next sync starts within a minute."
                    : "The EHR connection is saved and switched off.";
                return RedirectToAction(nameof(Connection));
            }
            ModelState.AddModelError(saved.Field ?? "", saved.Error!);
        }
        // Secrets typed into a failed form are not sent back to the browser.
        form.BearerToken = null;
        form.PrivateKeyPem = null;
        return View(EhrConnectionPage.From(await settings.GetAsync(ct), form));
    }

    [HttpGet]
    public async Task<IActionResult> Sync(int? run, CancellationToken ct) => View(await reports.BuildAsync(run, ct));

    [HttpPost]
    public async Task<IActionResult> SyncNow(CancellationToken ct)
    {
        var connection = await settings.GetAsync(ct);
        if (connection is not { Enabled: true })
        {
            TempData["Problem"] = "Set up and switch on the EHR connection first.";
            return RedirectToAction(nameof(Sync));
        }
        jobs.Enqueue<EhrJobs>(job => job.SyncAsync(true, CancellationToken.None));
        await audit.RecordAsync(AuditActions.EhrSyncRequested, nameof(EhrConnection), null, "Sync now", ct);
        TempData["Notice"] = "A sync has been started; refresh this page to see it.";
        return RedirectToAction(nameof(Sync));
    }

    [HttpPost]
    public async Task<IActionResult> RetryWriteBack(int id, CancellationToken ct)
    {
        if (await writeBacks.RetryAsync(id, ct))
        {
            await audit.RecordAsync(AuditActions.EhrWriteBackRetried, nameof(EhrWriteBack), id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
            TempData["Notice"] = "The write-back is queued again.";
        }
        else
        {
            TempData["Problem"] = "That write-back is not waiting for a retry.";
        }
        return RedirectToAction(nameof(Sync));
    }
}
