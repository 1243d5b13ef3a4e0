namespace PatientMessageExchange.Core.Automation;

/// <summary>An appointment the dry run would send for, and when (at the earliest).</summary>
public sealed record AutomationPreviewItem(int AppointmentId, string PatientName, DateTimeOffset StartUtc, DateTimeOffset SendsUtc);
