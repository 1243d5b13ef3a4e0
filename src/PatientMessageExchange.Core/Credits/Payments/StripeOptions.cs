using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Credits.Payments;

/// <summary>Stripe Checkout. Secrets come from the environment (Stripe__SecretKey, Stripe__WebhookSecret) or user-secrets.</summary>
public class StripeOptions
{
    public const string Section = "Stripe";

    [Required(ErrorMessage = "Stripe:SecretKey is required when Payments:Provider is Stripe (set Stripe__SecretKey).")]
    public string SecretKey { get; set; } = "";

    [Required(ErrorMessage = "Stripe:WebhookSecret is required when Payments:Provider is Stripe (set Stripe__WebhookSecret).")]
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
