using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Web.Features.Schedule;

/// <summary>"Confirm visible" (the day's filters apply) or "Confirm all" (the whole day), with the template chosen.</summary>
public sealed class ConfirmForm
{
    public DateOnly Date { get; set; }
    public string? Provider { get; set; }
    public string? Location { get; set; }
    public bool AllDay { get; set; }
    public int? TemplateId { get; set; }

    /// <summary>Ask again the appointments that already have a pending request; off unless the user ticks it.</summary>
    public bool Resend { get; set; }

    public ConfirmationRequest ToRequest() => new(Date, AllDay, Provider, Location, TemplateId, Resend);
}
