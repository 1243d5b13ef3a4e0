using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

public sealed class ComposeForm
{
    public Need Need { get; set; } = Need.AppointmentReminder;

    [Display(Name = "Message template")]
    public int? TemplateId { get; set; }

    /// <summary>Send a message written here instead of a template; the parts below are its text.</summary>
    public bool WriteNew { get; set; }

    [Display(Name = "Email subject")]
    public string? EmailSubject { get; set; }

    [Display(Name = "Email body")]
    public string? EmailHtmlBody { get; set; }

    [Display(Name = "Text message")]
    public string? SmsBody { get; set; }

    [Display(Name = "Voice script")]
    public string? VoiceScript { get; set; }

    /// <summary>The patient the written message's preview renders for; not sent.</summary>
    public int? PreviewPatientId { get; set; }

    public TemplateContent WrittenContent => new(EmailSubject, EmailHtmlBody, SmsBody, VoiceScript);

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
