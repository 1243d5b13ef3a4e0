using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Credits.Payments;

namespace PatientMessageExchange.Web.Features.Webhooks;

/// <summary>
/// Stripe's calls. Exempt from sign-in and antiforgery because Stripe can't do either; the signature over the raw body,
/// checked with the webhook secret, is what admits a request. Anything unsigned or mis-signed gets 400 and writes nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("webhooks/stripe")]
public sealed class StripeWebhookController(IOptions<PaymentsOptions> payments) : Controller
{
    [HttpPost]
    public async Task<IActionResult> Receive([FromServices] StripeWebhookHandler handler, CancellationToken ct)
    {
        if (payments.Value.Provider != PaymentProvider.Stripe)
        {
            return NotFound();
        }
        using var reader = new StreamReader(Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var outcome = await handler.HandleAsync(json, Request.Headers["Stripe-Signature"].ToString(), ct);
        return outcome == StripeWebhookOutcome.Rejected ? BadRequest() : Ok();
    }
}
