using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>Verifies a Stripe webhook's signature and applies the Checkout events we care about, idempotently.</summary>
public class StripeWebhookHandler(
    CreditPurchases purchases,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<StripeWebhookHandler> logger)
{
    public async Task<StripeWebhookOutcome> HandleAsync(string json, string? signatureHeader, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return StripeWebhookOutcome.Rejected;
        }
        Event stripeEvent;
        try
        {
            // The tolerance is checked against our clock. The API version is not enforced: we read only the session's
            // id, client reference and payment status, which are stable across versions.
            stripeEvent = EventUtility.ConstructEvent(json, signatureHeader, options.Value.WebhookSecret,
                options.Value.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Stripe webhook rejected: {Reason}", ex.Message);
            return StripeWebhookOutcome.Rejected;
        }

        if (stripeEvent.Data.Object is not Session session || !TryGetPurchaseId(session, out var purchaseId))
        {
            return StripeWebhookOutcome.Ignored;
        }
        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted when session.PaymentStatus == "paid":
            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                var result = await purchases.CompleteCheckoutAsync(purchaseId, session.Id, ct);
                logger.LogInformation("Stripe event {EventId} for purchase {PurchaseId}: {Outcome}",
                    stripeEvent.Id, purchaseId, result?.Outcome.ToString() ?? "no matching purchase");
                return result is null ? StripeWebhookOutcome.Ignored : StripeWebhookOutcome.Handled;
            case EventTypes.CheckoutSessionExpired:
            case EventTypes.CheckoutSessionAsyncPaymentFailed:
                await purchases.MarkFailedAsync(purchaseId, "The card payment was not completed.", ct);
                return StripeWebhookOutcome.Handled;
            default:
                return StripeWebhookOutcome.Ignored;
        }
    }

    private static bool TryGetPurchaseId(Session session, out int purchaseId)
    {
        var raw = session.ClientReferenceId;
        if (string.IsNullOrEmpty(raw) && session.Metadata is not null)
        {
            session.Metadata.TryGetValue(StripeCheckoutGateway.PurchaseIdMetadata, out raw);
        }
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out purchaseId);
    }
}
