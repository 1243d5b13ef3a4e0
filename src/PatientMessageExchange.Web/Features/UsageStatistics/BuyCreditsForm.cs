using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.UsageStatistics;

public sealed class BuyCreditsForm
{
    [Required(ErrorMessage = "Choose a plan to buy."), Display(Name = "Plan")]
    public int? PlanId { get; set; }
}
