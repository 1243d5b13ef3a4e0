using System.ComponentModel.DataAnnotations;

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
}
