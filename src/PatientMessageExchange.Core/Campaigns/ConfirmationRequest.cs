namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// Confirm a day's appointments: all of them, or the ones the schedule shows with its provider and location filters.
/// No template means the starter "Appointment confirmation". Appointments with a pending request are asked again only
/// with <paramref name="Resend"/>.
/// </summary>
public sealed record ConfirmationRequest(DateOnly Date, bool AllDay, string? Provider, string? Location, int? TemplateId,
    bool Resend = false);
