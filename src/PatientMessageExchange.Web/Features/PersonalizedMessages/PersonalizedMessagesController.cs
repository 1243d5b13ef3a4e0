using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

/// <summary>
/// The Personalized Messages tab: compose a message with patient-specific fields for an audience, see the credit
/// usage per message type, the total and the balance first, then send it now or at a time, and watch it go. All staff
/// may send; the ledger refuses what the balance can't cover.
/// </summary>
public sealed class PersonalizedMessagesController(
    CampaignPlanner planner,
    AudienceBuilder audiences,
    CampaignService campaigns,
    TemplateLibrary templates,
    PracticeDirectory practice,
    WrittenMessages written,
    PmxDbContext db,
    TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) =>
        View(new PersonalizedMessagesIndexModel(await campaigns.ListAsync(null, page, ct: ct), practice.GetTimeZone()));

    /// <summary>The composer; <paramref name="startFrom"/> opens it on a message written before (a campaign's id).</summary>
    [HttpGet]
    public async Task<IActionResult> Compose(long? startFrom, CancellationToken ct)
    {
        var form = new ComposeForm { From = Tomorrow(), To = Tomorrow() };
        if (startFrom is { } campaignId && await written.GetAsync(campaignId, ct) is { } earlier)
        {
            form.WriteNew = true;
            // A broadcast's need (an announcement) fits a personalized message too; keep the one it was written for.
            form.Need = earlier.Need;
            form.EmailSubject = earlier.Content.EmailSubject;
            form.EmailHtmlBody = earlier.Content.EmailHtmlBody;
            form.SmsBody = earlier.Content.SmsBody;
            form.VoiceScript = earlier.Content.VoiceScript;
        }
        var list = await TemplatesFor(form, ct);
        form.TemplateId = list.FirstOrDefault()?.Id;
        return View(await BuildAsync(form, null, ct));
    }

    /// <summary>The estimate panel, re-rendered by htmx whenever the form changes.</summary>
    [HttpPost]
    public async Task<IActionResult> Estimate(ComposeForm form, CancellationToken ct)
    {
        CheckDatesAndTime(form);
        var content = CheckWritten(form);
        var plan = ModelState.IsValid && (content is not null || form.TemplateId is not null) ? await PlanAsync(form, content, ct) : null;
        return PartialView("_Estimate", plan);
    }

    /// <summary>The template list for the chosen need, re-rendered by htmx when the need changes.</summary>
    [HttpGet]
    public async Task<IActionResult> TemplateOptions(ComposeForm form, CancellationToken ct)
    {
        var list = await TemplatesFor(form, ct);
        form.TemplateId = list.FirstOrDefault()?.Id;
        // The estimate listens for this, so it follows the newly chosen template.
        Response.Headers["HX-Trigger-After-Swap"] = "templates-loaded";
        return PartialView("_TemplateOptions", await BuildAsync(form, null, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Send(ComposeForm form, [FromServices] CampaignFactory factory, CancellationToken ct)
    {
        if (form.TemplateId is null && !form.WriteNew)
        {
            ModelState.AddModelError(nameof(form.TemplateId), "Choose a message template, or write a new message.");
        }
        var content = CheckWritten(form);
        if (form.SendLater && form.SendAt is null)
        {
            ModelState.AddModelError(nameof(form.SendAt), "Choose when to send.");
        }
        CheckDatesAndTime(form);
        if (!ModelState.IsValid)
        {
            return View(nameof(Compose), await BuildAsync(form, null, ct));
        }
        var plan = await PlanAsync(form, content, ct);
        if (plan.Problems.Count > 0 || plan.Draft is null || plan.TotalMessages == 0)
        {
            ModelState.AddModelError("", plan.Problems.FirstOrDefault() ?? "No one in this audience can be reached, so there is nothing to send.");
            return View(nameof(Compose), await BuildAsync(form, plan, ct));
        }
        var created = await factory.CreateAsync(plan.Draft, ct);
        if (!created.Succeeded)
        {
            ModelState.AddModelError("", created.Refusal!);
            return View(nameof(Compose), await BuildAsync(form, plan, ct));
        }
        if (content is null)
        {
            await templates.MarkUsedAsync(form.TemplateId!.Value, ct);
        }
        TempData["Notice"] = form.SendLater ? "The messages are scheduled." : "The messages are on their way.";
        return RedirectToAction(nameof(Campaign), new { id = created.CampaignId });
    }

    [HttpGet]
    public async Task<IActionResult> Campaign(long id, CancellationToken ct)
    {
        var progress = await campaigns.GetProgressAsync(id, ct);
        if (progress is null)
        {
            return NotFound();
        }
        return View(new CampaignPageModel(progress, await campaigns.GetSkipsAsync(id, ct: ct),
            await campaigns.GetFallbacksAsync(id, ct: ct), practice.GetTimeZone()));
    }

    /// <summary>The progress bar, polled by htmx until the campaign is finished.</summary>
    [HttpGet]
    public async Task<IActionResult> Progress(long id, CancellationToken ct)
    {
        var progress = await campaigns.GetProgressAsync(id, ct);
        return progress is null ? NotFound() : PartialView("_Progress", progress);
    }

    [HttpPost]
    public async Task<IActionResult> Cancel(long id, CancellationToken ct)
    {
        var result = await campaigns.CancelAsync(id, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded
            ? "Cancelled. Messages that had not gone were stopped and their credits released."
            : result.Error;
        return RedirectToAction(nameof(Campaign), new { id });
    }

    /// <summary>Dates outside the supported years, an end before the start, and an unusable send time are form errors.</summary>
    private void CheckDatesAndTime(ComposeForm form)
    {
        if (PracticeDays.CheckRange(form.From, form.To) is { } dates)
        {
            ModelState.AddModelError("", dates);
        }
        if (form.SendLater && form.SendAt is { } local &&
            SendTimes.FromLocal(local, practice.GetTimeZone(), clock.GetUtcNow()).Error is { } time)
        {
            ModelState.AddModelError(nameof(form.SendAt), time);
        }
    }

    /// <summary>
    /// A written message checked like a template save (parts, lengths, merge fields), with each problem beside its part;
    /// null when a template is used or the message can't be sent as written.
    /// </summary>
    private TemplateContent? CheckWritten(ComposeForm form)
    {
        if (!form.WriteNew)
        {
            return null;
        }
        var check = templates.CheckWritten(form.WrittenContent, MergeScope.Personalized);
        foreach (var (field, message) in check.FieldErrors)
        {
            // "Content" (nothing written at all) belongs to the whole message; the others are named after their part.
            ModelState.AddModelError(field == "Content" ? "" : field, message);
        }
        foreach (var error in check.PartErrors)
        {
            ModelState.AddModelError(Templates.TemplateForm.FieldFor(error.Part), $"{PartName(error.Part)}: {error}");
        }
        return check.IsValid ? check.Content : null;
    }

    private static string PartName(TemplatePart part) => part switch
    {
        TemplatePart.EmailSubject => "Email subject",
        TemplatePart.EmailBody => "Email body",
        TemplatePart.Sms => "Text message",
        _ => "Voice script",
    };

    private async Task<CampaignPlan> PlanAsync(ComposeForm form, TemplateContent? content, CancellationToken ct)
    {
        byte[]? dueList = null;
        if (form.DueList is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            dueList = buffer.ToArray();
        }
        var audience = await audiences.BuildAsync(new AudienceRequest(form.AudienceKind, form.From, form.To, form.Provider,
            form.Location, form.MinAge, form.MaxAge, form.ChartNumbers, dueList), ct);
        DateTimeOffset? scheduled = null;
        if (form.SendLater && form.SendAt is { } local)
        {
            // Checked by CheckDatesAndTime before any plan is made; a time that can't be used never means "now".
            scheduled = SendTimes.FromLocal(local, practice.GetTimeZone(), clock.GetUtcNow()).Utc
                        ?? throw new InvalidOperationException("The send time was not checked.");
        }
        return await planner.PlanAsync(new PlanRequest(CampaignKind.Personalized, form.Need, content is null ? form.TemplateId!.Value : 0,
            audience, scheduled, form.Name, content), ct);
    }

    private async Task<ComposeModel> BuildAsync(ComposeForm form, CampaignPlan? plan, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
        var locations = await db.Appointments.AsNoTracking().Select(a => a.Location).Where(l => l != "").Distinct().OrderBy(l => l).ToListAsync(ct);
        return new ComposeModel(form, await TemplatesFor(form, ct), providers, locations, plan,
            await written.ListAsync(ct: ct), practice.GetTimeZone());
    }

    private async Task<IReadOnlyList<MessageTemplate>> TemplatesFor(ComposeForm form, CancellationToken ct) =>
        (await templates.ListAsync(new TemplateQuery { Need = form.Need, Scope = MergeScope.Personalized }, ct))
            .Where(t => t.VariantOfId is null).ToList();

    private DateOnly Tomorrow() =>
        practice.GetTimeZone().LocalDate(clock.GetUtcNow()).AddDays(1);
}
