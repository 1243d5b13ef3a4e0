using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientMessageExchange.Web.Features.Admin;

public sealed class PracticeForm
{
    [Required, StringLength(200), Display(Name = "Practice name")]
    public string Name { get; set; } = "";

    [Required, StringLength(32), Display(Name = "Phone")]
    public string Phone { get; set; } = "";

    [Required, StringLength(400), Display(Name = "Postal address")]
    public string PostalAddress { get; set; } = "";

    [Required, Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "";

    /// <summary>Shown on the page; changed through its own form (<c>Admin.TextPricing</c>), never by saving the details.</summary>
    [BindNever]
    public bool PerSegmentTextPricing { get; set; }
}
