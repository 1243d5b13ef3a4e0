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
}
