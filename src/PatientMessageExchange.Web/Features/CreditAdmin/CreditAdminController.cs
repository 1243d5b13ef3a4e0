using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.CreditAdmin;

/// <summary>Administrators edit the credit plans, check the ledger against the balance and adjust credits.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class CreditAdminController(CreditPlanCatalog catalog) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Plans(CancellationToken ct) =>
        View(new PlansModel(await catalog.ListAsync(includeRetired: true, ct), new PlanForm()));

    [HttpPost]
    public async Task<IActionResult> SavePlan([Bind(Prefix = "Form")] PlanForm form, CancellationToken ct)
    {
        if (!form.HasWholeCents)
        {
            ModelState.AddModelError("Form.Price", "Enter the price in dollars and cents, e.g. 60 or 59.99.");
        }
        if (ModelState.IsValid)
        {
            var saved = await catalog.SaveAsync(form.Id, form.Name, form.Credits, form.BonusCredits, form.PriceCents, ct);
            if (saved.Succeeded)
            {
                TempData["Notice"] = $"Plan \"{form.Name.Trim()}\" saved.";
                return RedirectToAction(nameof(Plans));
            }
            ModelState.AddModelError(saved.Field is null ? "" : "Form." + saved.Field, saved.Error!);
        }
        return View(nameof(Plans), new PlansModel(await catalog.ListAsync(includeRetired: true, ct), form));
    }

    [HttpPost]
    public async Task<IActionResult> Retire(int id, bool retired, CancellationToken ct)
    {
        var result = await catalog.SetRetiredAsync(id, retired, ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded
            ? retired ? "The plan is retired and no longer offered." : "The plan is offered again."
            : result.Error;
        return RedirectToAction(nameof(Plans));
    }

    [HttpPost]
    public async Task<IActionResult> Remove(int id, CancellationToken ct)
    {
        TempData["Notice"] = await catalog.RemoveAsync(id, ct)
            ? "The plan was deleted."
            : "The plan was bought before, so it is retired instead of deleted.";
        return RedirectToAction(nameof(Plans));
    }

    [HttpGet]
    public async Task<IActionResult> Integrity([FromServices] CreditIntegrityCheck check, CancellationToken ct) =>
        View(await LedgerCheckAsync(check, new AdjustForm(), ct));

    /// <summary>Grants (positive) or removes (negative) credits with a reason: an immutable, audited ledger entry.</summary>
    [HttpPost]
    public async Task<IActionResult> Adjust([Bind(Prefix = "Form")] AdjustForm form, [FromServices] CreditLedger ledger,
        [FromServices] CreditIntegrityCheck check, CancellationToken ct)
    {
        if (form.Amount == 0)
        {
            ModelState.AddModelError("Form.Amount", "Enter a number of credits other than zero.");
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Integrity), await LedgerCheckAsync(check, form, ct));
        }
        var amount = form.Amount!.Value;
        CreditResult result;
        try
        {
            result = await ledger.Adjust(amount, form.Reason, $"adjust:{form.Token}", ct);
        }
        catch (IdempotencyKeyConflictException)
        {
            ModelState.AddModelError("", "This form was already used for another adjustment; nothing was changed. Enter it again.");
            return View(nameof(Integrity), await LedgerCheckAsync(check, new AdjustForm { Amount = form.Amount, Reason = form.Reason }, ct));
        }
        switch (result.Outcome)
        {
            case CreditOutcome.Posted or CreditOutcome.Replayed:
                TempData["Notice"] = amount > 0
                    ? $"{amount:N0} credits granted. Available: {result.AvailableAfter:N0}."
                    : $"{-amount:N0} credits removed. Available: {result.AvailableAfter:N0}.";
                return RedirectToAction(nameof(Integrity));
            default:
                ModelState.AddModelError("Form.Amount",
                    $"Removing {-amount:N0} credits would take the available balance ({result.AvailableAfter:N0}) below zero; nothing was changed.");
                return View(nameof(Integrity), await LedgerCheckAsync(check, form, ct));
        }
    }

    private static async Task<LedgerCheckModel> LedgerCheckAsync(CreditIntegrityCheck check, AdjustForm form, CancellationToken ct) =>
        new(await check.RunAsync(ct), await check.RecentCorrectionsAsync(ct: ct), form);
}
