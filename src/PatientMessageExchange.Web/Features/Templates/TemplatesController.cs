using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Templates;

/// <summary>
/// The template library. Every signed-in user (front desk included) can list, open and preview templates, because they
/// send with them; only office managers and administrators (<see cref="Policies.Managers"/>) create, change, archive or
/// restore one, since a template speaks for the whole practice. Every change is audited by <see cref="TemplateLibrary"/>.
/// </summary>
public sealed class TemplatesController(TemplateLibrary library, TemplatePreviewer previewer, PatientDirectory patients,
    PracticeDirectory practice, IAuthorizationService authorization) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(TemplateListFilter filter, CancellationToken ct)
    {
        var templates = await library.ListAsync(filter.ToQuery(), ct);
        var originals = await library.ListAsync(new TemplateQuery(IncludeArchived: true), ct);
        var names = originals.Where(t => t.VariantOfId is null).ToDictionary(t => t.Id, t => t.Name);
        return View(new TemplateIndexModel(filter, templates, names, practice.GetTimeZone(), await CanEditAsync()));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int? id, int? variantOf, CancellationToken ct)
    {
        var form = new TemplateForm();
        var archived = false;
        if (id is not null)
        {
            var template = await library.GetAsync(id.Value, ct);
            if (template is null)
            {
                return NotFound();
            }
            form = TemplateForm.From(template);
            archived = template.IsArchived;
        }
        else if (variantOf is not null)
        {
            var original = await library.GetAsync(variantOf.Value, ct);
            if (original is null)
            {
                return NotFound();
            }
            var root = original.VariantOfId is { } rootId ? await library.GetAsync(rootId, ct) ?? original : original;
            form = TemplateForm.TranslationOf(root);
        }
        return View(TemplateEditorModel.From(form, await library.ListOriginalsAsync(ct), await CanEditAsync(), archived));
    }

    [HttpPost, Authorize(Policy = Policies.Managers)]
    public async Task<IActionResult> Save(TemplateForm form, CancellationToken ct)
    {
        var result = await library.SaveAsync(form.ToDraft(), ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Saved \"{form.Name?.Trim()}\".";
            return RedirectToAction(nameof(Edit), new { id = result.TemplateId });
        }
        var archived = form.Id is { } id && (await library.GetAsync(id, ct))?.IsArchived == true;
        return View(nameof(Edit), TemplateEditorModel.From(form, await library.ListOriginalsAsync(ct), true, archived, result));
    }

    [HttpPost, Authorize(Policy = Policies.Managers)]
    public async Task<IActionResult> Archive(int id, CancellationToken ct)
    {
        var result = await library.ArchiveAsync(id, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded ? "The template is archived." : result.Error;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost, Authorize(Policy = Policies.Managers)]
    public async Task<IActionResult> Restore(int id, CancellationToken ct)
    {
        var result = await library.RestoreAsync(id, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded ? "The template is restored." : result.Error;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// htmx: patients matching a chart number or name, to preview for. <paramref name="form"/> "compose" serves the
    /// message written in Personalized Messages, whose form is the composer's rather than the template editor's.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Patients(string? q, string? form, CancellationToken ct)
    {
        var formSelector = form == "compose" ? "#compose" : "#template-form";
        if (string.IsNullOrWhiteSpace(q))
        {
            return PartialView("_PatientChoices", new PatientChoicesModel(q, [], 0, formSelector));
        }
        var found = await patients.SearchAsync(new PatientSearch(q, PageSize: 10), ct);
        return PartialView("_PatientChoices", new PatientChoicesModel(q, found.Items, found.TotalCount, formSelector));
    }

    /// <summary>htmx: the form's current text rendered for the chosen patient; nothing is saved.</summary>
    [HttpPost]
    public async Task<IActionResult> Preview(TemplateForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Scope) || !Enum.IsDefined(form.Need))
        {
            return PartialView("_Preview", new TemplatePreviewModel(null, null, "Choose a need and a scope first."));
        }
        if (form.Scope == MergeScope.Broadcast)
        {
            var broadcast = await previewer.PreviewBroadcastAsync(form.Content, form.Language, ct);
            return PartialView("_Preview", new TemplatePreviewModel(broadcast, null, null));
        }
        if (form.PreviewPatientId is not { } patientId)
        {
            return PartialView("_Preview", new TemplatePreviewModel(null, null, "Search for a patient to see the preview."));
        }
        var preview = await previewer.PreviewForPatientAsync(form.Content, form.Scope, form.Need, patientId, ct);
        return PartialView("_Preview", preview is null
            ? new TemplatePreviewModel(null, null, "That patient no longer exists.")
            : new TemplatePreviewModel(preview, patientId, null));
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Managers)).Succeeded;
}
