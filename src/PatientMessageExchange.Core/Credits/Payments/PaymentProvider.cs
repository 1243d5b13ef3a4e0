namespace PatientMessageExchange.Core.Credits.Payments;

public enum PaymentProvider
{
    Invoice = 1,
    Stripe = 2,
}
