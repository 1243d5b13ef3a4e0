using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.UsageStatistics;

public sealed class RefundForm
{
    public int PurchaseId { get; set; }

    [Required, StringLength(500), Display(Name = "Reason")]
    public string Reason { get; set; } = "";

    /// <summary>The credit note or refund reference of an invoiced purchase; a Stripe refund brings its own.</summary>
    [StringLength(200), Display(Name = "Refund reference")]
    public string? Reference { get; set; }

    /// <summary>The administrator's explicit confirmation that the refund may take the available balance below zero.</summary>
    public bool AllowNegative { get; set; }
}
