using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Automation;

public class AutomationOptions
{
    public const string Section = "Automation";

    /// <summary>How often the scheduler looks for due automated messages.</summary>
    [Range(1, 59)]
    public int TickMinutes { get; set; } = 5;

    /// <summary>A confirmation is no longer worth sending when the appointment is closer than this.</summary>
    [Range(0, 48)]
    public int ConfirmationMinimumLeadHours { get; set; } = 2;
}
