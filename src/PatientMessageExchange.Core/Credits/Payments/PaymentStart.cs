namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>Where to send the buyer to pay (null: nothing to do now), and the gateway's reference for the payment.</summary>
public sealed record PaymentStart(string? RedirectUrl, string? ExternalReference);
