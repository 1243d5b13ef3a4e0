namespace PatientMessageExchange.Web.Features.Schedule;

/// <summary>"Confirm visible" (the day's filters apply) or "Confirm all" (the whole day), with the template chosen.</summary>
public sealed class ConfirmForm
{
    public DateOnly Date { get; set; }
    public string? Provider { get; set; }
    public string? Location { get; set; }
    public bool AllDay { get; set; }
    public int? TemplateId { get; set; }
}
