using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Credits.Payments;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.UsageStatistics;

/// <summary>Credits bought and used, the purchases, and buying more. Every role may look; managers buy.</summary>
public sealed class UsageStatisticsController : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromServices] CreditUsageReporter reporter, CancellationToken ct) =>
        View(await reporter.BuildAsync(ct: ct));

    [HttpPost]
    [Authorize(Policy = Policies.Managers)]
    public async Task<IActionResult> Buy(BuyCreditsForm form, [FromServices] CreditPurchases purchases, CancellationToken ct)
    {
        if (!ModelState.IsValid || form.PlanId is null)
        {
            TempData["Problem"] = "Choose a plan to buy.";
            return RedirectToAction(nameof(Index));
        }
        var urls = new CheckoutUrls(
            Url.Action(nameof(CheckoutReturn), "UsageStatistics", new { outcome = "paid" }, Request.Scheme)!,
            Url.Action(nameof(CheckoutReturn), "UsageStatistics", new { outcome = "cancelled" }, Request.Scheme)!);
        var started = await purchases.BuyAsync(form.PlanId.Value, urls, form.IdempotencyKey, ct);
        if (!started.Succeeded)
        {
            TempData["Problem"] = started.Error;
            return RedirectToAction(nameof(Index));
        }
        if (started.Replayed)
        {
            TempData["Notice"] = $"This form was already sent: it started purchase #{started.PurchaseId}, and no second purchase was made.";
            return RedirectToAction(nameof(Index));
        }
        if (started.RedirectUrl is not null)
        {
            return Redirect(started.RedirectUrl);
        }
        TempData["Notice"] = $"Purchase #{started.PurchaseId} is pending. The practice will be invoiced, and the credits " +
                             "are added when an administrator marks the invoice paid.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    [Authorize(Policy = Policies.Administrators)]
    public async Task<IActionResult> MarkPaid(MarkPaidForm form, [FromServices] CreditPurchases purchases, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Problem"] = "Enter the payment reference (check or transfer number) to mark the invoice paid.";
            return RedirectToAction(nameof(Index));
        }
        var result = await purchases.MarkPaidAsync(form.PurchaseId, form.Reference, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Purchase #{form.PurchaseId} is paid; its credits are available.";
        }
        else
        {
            TempData["Problem"] = result.Error;
        }
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Refunds a paid purchase: through Stripe for a card payment, by marking for an invoice. Its credits and bonus are
    /// taken back; a refund that would take the balance below zero needs <see cref="RefundForm.AllowNegative"/>.
    /// </summary>
    [HttpPost]
    [Authorize(Policy = Policies.Administrators)]
    public async Task<IActionResult> Refund(RefundForm form, [FromServices] CreditPurchases purchases, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Problem"] = "Enter the reason for the refund.";
            return RedirectToAction(nameof(Index));
        }
        var result = await purchases.RefundAsync(form.PurchaseId, form.Reason, form.Reference, form.AllowNegative, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Purchase #{form.PurchaseId} is refunded; its credits were taken back.";
        }
        else
        {
            TempData["Problem"] = result.Error;
        }
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Where Stripe's hosted page sends the buyer back. Credits arrive with the signed webhook, not with this visit.</summary>
    [HttpGet]
    public IActionResult CheckoutReturn(string? outcome)
    {
        TempData["Notice"] = outcome == "paid"
            ? "Thank you. The credits appear here as soon as the payment is confirmed."
            : "The payment was cancelled; nothing was charged.";
        return RedirectToAction(nameof(Index));
    }
}
