using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

public sealed class ComposeForm
{
    public Need Need { get; set; } = Need.AppointmentReminder;

    [Display(Name = "Message template")]
    public int? TemplateId { get; set; }

    public AudienceKind AudienceKind { get; set; } = AudienceKind.Appointments;

    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    public string? Provider { get; set; }
    public string? Location { get; set; }

    [Display(Name = "Youngest age"), Range(0, 120)]
    public int? MinAge { get; set; }

    [Display(Name = "Oldest age"), Range(0, 120)]
    public int? MaxAge { get; set; }

    [Display(Name = "Chart numbers"), StringLength(200_000)]
    public string? ChartNumbers { get; set; }

    [Display(Name = "Due list (CSV)")]
    public IFormFile? DueList { get; set; }

    [Display(Name = "Send")]
    public bool SendLater { get; set; }

    /// <summary>The practice's local date and time to send at, when <see cref="SendLater"/> is set.</summary>
    [Display(Name = "Send at")]
    public DateTime? SendAt { get; set; }

    [StringLength(200), Display(Name = "Campaign name (optional)")]
    public string? Name { get; set; }
}
