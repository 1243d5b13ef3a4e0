using System.Globalization;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>A Stripe-hosted Checkout page; the signed <c>checkout.session.completed</c> webhook completes the purchase.</summary>
public sealed class StripeCheckoutGateway(IStripeClient client, IOptions<StripeOptions> options) : IPaymentGateway
{
    public const string GatewayName = "Stripe";
    public const string PurchaseIdMetadata = "purchase_id";

    public string Name => GatewayName;

    public async Task<PaymentStart> StartAsync(CreditPurchase purchase, CheckoutUrls urls, CancellationToken ct = default)
    {
        var id = purchase.Id.ToString(CultureInfo.InvariantCulture);
        var session = await new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = id,
            SuccessUrl = urls.SuccessUrl,
            CancelUrl = urls.CancelUrl,
            Metadata = new Dictionary<string, string> { [PurchaseIdMetadata] = id },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = options.Value.Currency,
                        UnitAmount = purchase.PriceCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions
                        {
                            Name = $"{purchase.PlanName}: {purchase.Credits + purchase.BonusCredits:N0} message credits",
                        },
                    },
                },
            ],
        }, requestOptions: new RequestOptions { IdempotencyKey = $"pmx-purchase-{id}" }, cancellationToken: ct);
        return new PaymentStart(session.Url, session.Id);
    }

    /// <summary>
    /// Refunds a completed Checkout purchase in full through Stripe's refund API: the session gives the payment intent,
    /// and the refund is created with an idempotency key of the purchase, so asking again returns the same refund.
    /// Returns the refund's id; throws <see cref="StripeException"/> when Stripe refuses or the refund failed.
    /// </summary>
    public async Task<string> RefundAsync(CreditPurchase purchase, CancellationToken ct = default)
    {
        var id = purchase.Id.ToString(CultureInfo.InvariantCulture);
        var session = await new SessionService(client).GetAsync(purchase.ExternalReference, cancellationToken: ct);
        if (string.IsNullOrEmpty(session.PaymentIntentId))
        {
            throw new StripeException($"Checkout session of purchase {id} has no payment to refund.");
        }
        var refund = await new RefundService(client).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = session.PaymentIntentId,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { [PurchaseIdMetadata] = id },
        }, requestOptions: new RequestOptions { IdempotencyKey = $"pmx-refund-{id}" }, cancellationToken: ct);
        if (refund.Status is "failed" or "canceled")
        {
            throw new StripeException($"Stripe refund {refund.Id} of purchase {id} is {refund.Status}.");
        }
        return refund.Id;
    }
}
