using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>
/// Stripe Checkout. The secrets are required only when Payments:Provider is Stripe (checked on start).
/// Secrets come from the environment (Stripe__SecretKey, Stripe__WebhookSecret) or user-secrets.
/// </summary>
public class StripeOptions
{
    public const string Section = "Stripe";

    public string SecretKey { get; set; } = "";

    public string WebhookSecret { get; set; } = "";

    /// <summary>Overrides https://api.stripe.com, e.g. for a local fake in tests.</summary>
    [Url]
    public string? ApiBase { get; set; }

    [Required, StringLength(3, MinimumLength = 3)]
    public string Currency { get; set; } = "usd";

    /// <summary>How old a signed webhook may be, in seconds.</summary>
    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;
}
