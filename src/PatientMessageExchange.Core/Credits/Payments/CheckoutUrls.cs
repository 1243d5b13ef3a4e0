namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>Absolute URLs a hosted payment page returns the buyer to.</summary>
public sealed record CheckoutUrls(string SuccessUrl, string CancelUrl);
