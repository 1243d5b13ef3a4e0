using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Automation;

namespace PatientMessageExchange.Web.Features.AutomatedMessages;

public sealed class SettingsForm
{
    [Display(Name = "From")]
    public string WindowStart { get; set; } = "09:00";

    [Display(Name = "To")]
    public string WindowEnd { get; set; } = "19:00";

    [Display(Name = "Delivery days")]
    public List<DayOfWeek> DeliveryDays { get; set; } = [];

    [Range(1, AutomationRules.MaxDailyCap, ErrorMessage = "The daily limit must be from 1 to 10."),
     Display(Name = "At most this many automated messages per contact per day")]
    public int DailyCapPerContact { get; set; } = 2;

    [StringLength(254), Display(Name = "Practice email for notices (e.g. when credits run out)")]
    public string? NoticeEmail { get; set; }

    public static SettingsForm From(AutomationSettings s) => new()
    {
        WindowStart = AutomationClock.FormatInput(s.WindowStartMinutes),
        WindowEnd = s.WindowEndMinutes >= 24 * 60 ? "23:59" : AutomationClock.FormatInput(s.WindowEndMinutes),
        DeliveryDays = Enum.GetValues<DayOfWeek>().Where(s.IsDeliveryDay).ToList(),
        DailyCapPerContact = s.DailyCapPerContact,
        NoticeEmail = s.NoticeEmail,
    };
}
