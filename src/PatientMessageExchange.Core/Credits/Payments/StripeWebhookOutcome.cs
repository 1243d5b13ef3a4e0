namespace PatientMessageExchange.Core.Credits.Payments;

public enum StripeWebhookOutcome
{
    /// <summary>Unsigned, mis-signed or too old: nothing was read or written.</summary>
    Rejected = 1,

    /// <summary>Signed, but not an event we act on.</summary>
    Ignored = 2,

    /// <summary>Acted on (or already acted on, for a redelivery).</summary>
    Handled = 3,
}
