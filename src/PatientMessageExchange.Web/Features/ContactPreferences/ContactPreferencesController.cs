using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.ContactPreferences;

/// <summary>The practice's default contact order per need: everyone sees it, managers change it.</summary>
public sealed class ContactPreferencesController(ContactPreferenceBook book, IAuthorizationService authorization) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await BuildAsync(null, null, ct));

    [HttpPost, Authorize(Policy = Policies.Managers)]
    public async Task<IActionResult> Save(ModeOrderForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Need))
        {
            TempData["Problem"] = "Choose a need from the list.";
            return RedirectToAction(nameof(Index));
        }
        var (order, error) = form.ToOrder();
        if (error is null)
        {
            var result = await book.SaveDefaultAsync(form.Need, order, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{form.Need.DisplayName()}: {ModeOrderText.Describe(order)}.";
                return RedirectToAction(nameof(Index));
            }
            error = result.Error;
        }
        ModelState.AddModelError(form.Need.ToString(), error!);
        return View(nameof(Index), await BuildAsync(form, error, ct));
    }

    private async Task<ContactPreferencesModel> BuildAsync(ModeOrderForm? failed, string? error, CancellationToken ct)
    {
        var defaults = await book.GetDefaultsAsync(ct);
        var counts = await book.CountFallbacksAsync(ct);
        var rows = defaults
            .Select(d => failed?.Need == d.Need
                ? new DefaultRow(d, failed, counts[d.Need], error)
                : new DefaultRow(d, ModeOrderForm.From(d.Need, d.Modes), counts[d.Need], null))
            .ToList();
        var canEdit = (await authorization.AuthorizeAsync(User, Policies.Managers)).Succeeded;
        return new ContactPreferencesModel(rows, canEdit);
    }
}
