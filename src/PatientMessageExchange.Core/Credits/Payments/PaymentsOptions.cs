using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Credits.Payments;

public class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>Invoice (the embedded default) or Stripe; chosen explicitly, never guessed from which secrets exist.</summary>
    [Required]
    public PaymentProvider? Provider { get; set; }
}
