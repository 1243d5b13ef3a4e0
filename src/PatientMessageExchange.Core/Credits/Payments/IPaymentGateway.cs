namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>Takes the payment for a purchase. Completion arrives later: an administrator's "paid" or a signed webhook.</summary>
public interface IPaymentGateway
{
    /// <summary>"Invoice" or "Stripe"; stored on the purchase.</summary>
    string Name { get; }

    Task<PaymentStart> StartAsync(CreditPurchase purchase, CheckoutUrls urls, CancellationToken ct = default);
}
