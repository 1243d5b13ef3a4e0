using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Web.Configuration;
using PatientMessageExchange.Web.Features.ContactPreferences;

namespace PatientMessageExchange.Web.Features.Patients;

public sealed class PatientsController(
    PatientDirectory directory,
    PracticeDirectory practice,
    ContactNormalizer normalizer,
    ScheduleBook schedule,
    ContactPreferenceBook preferences,
    ContactResolver resolver) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, bool inactive = false, int page = 1, CancellationToken ct = default)
    {
        var search = new PatientSearch(q, inactive, page);
        var results = await directory.SearchAsync(search, ct);
        return View(new PatientIndexModel(search, results, schedule.Today()));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, int? edit, CancellationToken ct)
    {
        var patient = await directory.OpenAsync(id, ct);
        if (patient is null)
        {
            return NotFound();
        }
        ContactPointForm? editForm = null;
        var point = patient.ContactPoints.FirstOrDefault(c => c.Id == edit);
        if (point is not null)
        {
            editForm = new ContactPointForm
            {
                ContactPointId = point.Id, Mode = point.Mode, GuardianId = point.GuardianId,
                Value = point.Mode.IsEmail() ? point.Value : normalizer.FormatForDisplay(point.Value),
                Status = point.Status, StatusReason = point.StatusReason,
            };
        }
        return View(await BuildDetailsAsync(patient, new ContactPointForm { GuardianId = patient.Guardians.FirstOrDefault(g => g.IsPrimary)?.Id }, editForm));
    }

    [HttpPost]
    public async Task<IActionResult> AddContact(int id, [Bind(Prefix = "NewContact")] ContactPointForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await directory.AddContactPointAsync(id, form.GuardianId, form.Mode, form.Value, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{form.Mode.DisplayName()} added.";
                return RedirectToAction(nameof(Details), new { id });
            }
            AddError(result, "NewContact");
        }
        var patient = await directory.OpenAsync(id, ct);
        return patient is null ? NotFound() : View(nameof(Details), await BuildDetailsAsync(patient, form, null));
    }

    [HttpPost]
    public async Task<IActionResult> UpdateContact(int id, [Bind(Prefix = "EditContact")] ContactPointForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && form.ContactPointId is { } pointId)
        {
            var result = await directory.UpdateContactPointAsync(id, pointId, form.Value, form.Status, form.StatusReason, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Contact point saved.";
                return RedirectToAction(nameof(Details), new { id });
            }
            AddError(result, "EditContact");
        }
        var patient = await directory.OpenAsync(id, ct);
        return patient is null
            ? NotFound()
            : View(nameof(Details), await BuildDetailsAsync(patient, new ContactPointForm(), form));
    }

    [HttpPost]
    public async Task<IActionResult> RemoveContact(int id, int contactPointId, CancellationToken ct)
    {
        var result = await directory.RemoveContactPointAsync(id, contactPointId, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded ? "Contact point removed." : result.Error;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> SavePreference(int id, [Bind(Prefix = "Preference")] ModeOrderForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Need))
        {
            TempData["Problem"] = "Choose a need from the list.";
            return RedirectToAction(nameof(Details), new { id });
        }
        var (order, error) = form.UseDefault ? ([], null) : form.ToOrder();
        if (error is null)
        {
            var result = await preferences.SavePatientPreferenceAsync(id, form.Need, form.UseDefault ? null : order, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{form.Need.DisplayName()}: " +
                                     (form.UseDefault ? "practice default." : $"{ModeOrderText.Describe(order)}.");
                return RedirectToAction(nameof(Details), null, new { id }, $"need-{form.Need}");
            }
            error = result.Error;
        }
        ModelState.AddModelError($"Preference.{form.Need}", error!);
        var patient = await directory.OpenAsync(id, ct);
        return patient is null
            ? NotFound()
            : View(nameof(Details), await BuildDetailsAsync(patient, new ContactPointForm(), null, (form, error), ct));
    }

    [HttpPost]
    public async Task<IActionResult> SaveDoNotContact(int id, ContactMode[] doNotContact, CancellationToken ct)
    {
        var result = await preferences.SaveDoNotContactAsync(id, doNotContact, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded
            ? doNotContact.Length == 0 ? "Every mode may be used." : $"Never contacted by {string.Join(", ", doNotContact.Select(m => m.DisplayName()))}."
            : result.Error;
        return RedirectToAction(nameof(Details), null, new { id }, "preferences");
    }

    [HttpGet, Authorize(Policy = Policies.Managers)]
    public IActionResult Import() => View();

    [HttpPost, Authorize(Policy = Policies.Managers), RequestSizeLimit(ImportStaging.MaxBytes)]
    public async Task<IActionResult> Import(IFormFile? file, ImportKind kind,
        [FromServices] ImportStaging staging, [FromServices] IEnumerable<ICsvImporter> importers, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file to import.");
            return View();
        }
        if (file.Length > ImportStaging.MaxBytes)
        {
            ModelState.AddModelError("file", "The file is larger than 20 MB; split it and import the parts.");
            return View();
        }
        string token;
        await using (var stream = file.OpenReadStream())
        {
            token = await staging.StageAsync(stream, ct);
        }
        var content = await staging.ReadAsync(token, ct);
        var preview = await importers.Single(i => i.Kind == kind).PreviewAsync(content!, ct);
        return View("ImportPreview", new ImportPreviewModel(preview, token, Path.GetFileName(file.FileName)));
    }

    [HttpPost, Authorize(Policy = Policies.Managers)]
    public async Task<IActionResult> ImportCommit(string token, ImportKind kind, bool validRowsOnly,
        [FromServices] ImportStaging staging, [FromServices] IEnumerable<ICsvImporter> importers, CancellationToken ct)
    {
        var content = await staging.ReadAsync(token, ct);
        if (content is null)
        {
            TempData["Problem"] = "The uploaded file has expired; upload it again.";
            return RedirectToAction(nameof(Import));
        }
        var outcome = await importers.Single(i => i.Kind == kind).CommitAsync(content, validRowsOnly, ct);
        if (outcome.Committed)
        {
            staging.Discard(token);
            TempData["Notice"] = outcome.Message;
        }
        else
        {
            TempData["Problem"] = outcome.Message;
        }
        return RedirectToAction(nameof(Import));
    }

    private void AddError(OperationResult result, string prefix) =>
        ModelState.AddModelError(result.Field is null ? "" : $"{prefix}.{result.Field}", result.Error!);

    private async Task<PatientDetailsModel> BuildDetailsAsync(Patient patient, ContactPointForm newContact, ContactPointForm? edit,
        (ModeOrderForm Form, string? Error)? failedPreference = null, CancellationToken ct = default)
    {
        var panel = new PatientPreferencesPanel(
            await preferences.GetDefaultsAsync(ct),
            await preferences.GetForPatientAsync(patient.Id, ct),
            await resolver.ResolveAllNeedsAsync(patient.Id, ct),
            failedPreference?.Form,
            failedPreference?.Error);
        return new(patient, schedule.Today(), (await practice.GetAsync(ct)).TimeZone, newContact, edit?.ContactPointId, edit,
            normalizer.FormatForDisplay, panel);
    }
}
