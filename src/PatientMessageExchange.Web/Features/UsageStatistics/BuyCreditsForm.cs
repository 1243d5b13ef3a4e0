using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.UsageStatistics;

public sealed class BuyCreditsForm
{
    [Required(ErrorMessage = "Choose a plan to buy."), Display(Name = "Plan")]
    public int? PlanId { get; set; }

    /// <summary>A one-time key written into the form when the page is shown; a replay of the same form reuses it.</summary>
    [RegularExpression("^[0-9a-f]{32}$", ErrorMessage = "Reload the page and try again.")]
    public string? IdempotencyKey { get; set; }
}
