using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.AutomatedMessages;

/// <summary>Administration → Automated messages: the rules and the delivery rules. Office managers and administrators.</summary>
[Authorize(Policy = Policies.Managers)]
public sealed class AutomatedMessagesController(AutomationRules rules, AutomationPreview preview, PmxDbContext db) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var settings = await rules.GetSettingsAsync(ct);
        return View(await BuildIndexAsync(settings, SettingsForm.From(settings), ct));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int? id, CancellationToken ct)
    {
        var form = new RuleForm();
        if (id is { } existing)
        {
            var rule = await rules.GetAsync(existing, ct);
            if (rule is null)
            {
                TempData["Problem"] = "That rule no longer exists.";
                return RedirectToAction(nameof(Index));
            }
            form = RuleForm.From(rule);
        }
        return View(await BuildEditAsync(form, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Edit([Bind(Prefix = "Form")] RuleForm form, CancellationToken ct)
    {
        var sendAt = AutomationClock.ParseInput(form.SendAt);
        if (form.Timing == AutomationTiming.DaysBeforeAt && sendAt is null)
        {
            ModelState.AddModelError("Form." + nameof(form.SendAt), "Enter the time of day as HH:mm, e.g. 10:00.");
        }
        if (form.Timing != AutomationTiming.DaysBeforeAt)
        {
            ModelState.Remove("Form." + nameof(form.DaysBefore));
        }
        if (form.Timing != AutomationTiming.HoursBefore)
        {
            ModelState.Remove("Form." + nameof(form.HoursBefore));
        }
        if (ModelState.IsValid)
        {
            var (result, _) = await rules.SaveAsync(new AutomationRuleDraft(form.Id, form.Name, form.Kind, form.Timing, form.DaysBefore,
                sendAt ?? 0, form.HoursBefore, form.AppointmentTypes, form.ProviderIds, form.Locations, form.TemplateId, form.IsEnabled), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Rule \"{form.Name.Trim()}\" saved{(form.IsEnabled ? " and enabled" : " (disabled)")}.";
                return RedirectToAction(nameof(Index));
            }
            ModelState.AddModelError(result.Field switch { null => "", "SendAtMinutes" => "Form.SendAt", { } f => "Form." + f }, result.Error!);
        }
        return View(await BuildEditAsync(form, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Toggle(int id, bool enabled, CancellationToken ct)
    {
        var result = await rules.SetEnabledAsync(id, enabled, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = enabled ? "Rule enabled: it runs by itself from now on." : "Rule disabled.";
        }
        else
        {
            TempData["Problem"] = result.Error;
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Settings([Bind(Prefix = "Form")] SettingsForm form, CancellationToken ct)
    {
        var start = AutomationClock.ParseInput(form.WindowStart);
        var end = AutomationClock.ParseInput(form.WindowEnd);
        if (start is null)
        {
            ModelState.AddModelError("Form.WindowStart", "Enter a time as HH:mm.");
        }
        if (end is null)
        {
            ModelState.AddModelError("Form.WindowEnd", "Enter a time as HH:mm.");
        }
        if (ModelState.IsValid)
        {
            var result = await rules.SaveSettingsAsync(new AutomationSettingsDraft(start!.Value, end!.Value, form.DeliveryDays,
                form.DailyCapPerContact, form.NoticeEmail), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Delivery rules saved.";
                return RedirectToAction(nameof(Index));
            }
            var field = result.Field switch
            {
                nameof(AutomationSettingsDraft.WindowStartMinutes) => nameof(form.WindowStart),
                nameof(AutomationSettingsDraft.WindowEndMinutes) => nameof(form.WindowEnd),
                { } other => other,
                null => "",
            };
            ModelState.AddModelError(field.Length == 0 ? "" : "Form." + field, result.Error!);
        }
        return View(nameof(Index), await BuildIndexAsync(await rules.GetSettingsAsync(ct), form, ct));
    }

    private async Task<AutomatedMessagesIndexModel> BuildIndexAsync(AutomationSettings settings, SettingsForm form, CancellationToken ct)
    {
        var list = await rules.ListAsync(ct);
        var templateIds = list.Select(r => r.TemplateId).Distinct().ToArray();
        var templates = await db.MessageTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new AutomatedMessagesIndexModel(list, templates, providers, settings, form, await preview.ForRulesAsync(list, ct));
    }

    private async Task<RuleEditModel> BuildEditAsync(RuleForm form, CancellationToken ct) =>
        new(form, await rules.TemplatesForAsync(ct), await db.Providers.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct));
}
