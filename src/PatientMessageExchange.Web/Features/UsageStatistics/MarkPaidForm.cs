using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.UsageStatistics;

public sealed class MarkPaidForm
{
    public int PurchaseId { get; set; }

    [Required, StringLength(200), Display(Name = "Payment reference")]
    public string Reference { get; set; } = "";
}
