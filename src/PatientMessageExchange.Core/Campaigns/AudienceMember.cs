namespace PatientMessageExchange.Core.Campaigns;

/// <summary>One recipient of an audience, with the appointment or due item the message is about.</summary>
public sealed record AudienceMember(int PatientId, int? AppointmentId = null, string? DueItem = null, DateOnly? DueDate = null);
