namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>The embedded default: the practice is invoiced, and the purchase waits until an administrator marks it paid.</summary>
public sealed class InvoicePaymentGateway : IPaymentGateway
{
    public const string GatewayName = "Invoice";

    public string Name => GatewayName;

    public Task<PaymentStart> StartAsync(CreditPurchase purchase, CheckoutUrls urls, CancellationToken ct = default) =>
        Task.FromResult(new PaymentStart(null, null));
}
