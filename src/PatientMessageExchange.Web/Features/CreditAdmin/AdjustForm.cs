using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.CreditAdmin;

public sealed class AdjustForm
{
    /// <summary>Credits to grant (positive) or remove (negative).</summary>
    [Required(ErrorMessage = "Enter the credits to grant (e.g. 100) or remove (e.g. -100).")]
    [Range(-1_000_000, 1_000_000, ErrorMessage = "Adjust by at most 1,000,000 credits at a time.")]
    [Display(Name = "Credits (+ to grant, − to remove)")]
    public int? Amount { get; set; }

    [Required(ErrorMessage = "Say why the credits are adjusted."), StringLength(500), Display(Name = "Reason")]
    public string Reason { get; set; } = "";

    /// <summary>Made when the form is shown and used as the ledger key, so a double submit adjusts once.</summary>
    [Required, StringLength(64)]
    public string Token { get; set; } = Guid.NewGuid().ToString("N");
}
