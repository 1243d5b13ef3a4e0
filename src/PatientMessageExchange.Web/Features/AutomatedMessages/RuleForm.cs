using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Automation;

namespace PatientMessageExchange.Web.Features.AutomatedMessages;

public sealed class RuleForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Give the rule a name."), StringLength(AutomationRule.NameLength), Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Sends")]
    public AutomationKind Kind { get; set; } = AutomationKind.Confirmation;

    [Display(Name = "When")]
    public AutomationTiming Timing { get; set; } = AutomationTiming.DaysBeforeAt;

    [Range(0, AutomationRules.MaxDaysBefore, ErrorMessage = "Days before must be from 0 to 30."), Display(Name = "Days before")]
    public int DaysBefore { get; set; } = 1;

    [Display(Name = "At (practice time)")]
    public string SendAt { get; set; } = "10:00";

    [Range(1, AutomationRules.MaxHoursBefore, ErrorMessage = "Hours before must be from 1 to 168."), Display(Name = "Hours before")]
    public int HoursBefore { get; set; } = 24;

    [StringLength(AutomationRule.FilterLength), Display(Name = "Appointment types (one per line; empty for any)")]
    public string? AppointmentTypes { get; set; }

    [Display(Name = "Providers (none ticked for any)")]
    public List<int> ProviderIds { get; set; } = [];

    [StringLength(AutomationRule.FilterLength), Display(Name = "Locations (one per line; empty for any)")]
    public string? Locations { get; set; }

    [Display(Name = "Template")]
    public int TemplateId { get; set; }

    [Display(Name = "Enabled")]
    public bool IsEnabled { get; set; }

    public static RuleForm From(AutomationRule rule) => new()
    {
        Id = rule.Id, Name = rule.Name, Kind = rule.Kind, Timing = rule.Timing, DaysBefore = rule.DaysBefore,
        SendAt = AutomationClock.FormatInput(rule.SendAtMinutes), HoursBefore = rule.HoursBefore,
        AppointmentTypes = rule.AppointmentTypes, ProviderIds = rule.ProviderIdList.ToList(), Locations = rule.Locations,
        TemplateId = rule.TemplateId, IsEnabled = rule.IsEnabled,
    };
}
