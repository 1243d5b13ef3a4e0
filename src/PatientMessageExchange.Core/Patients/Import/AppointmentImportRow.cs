namespace PatientMessageExchange.Core.Patients.Import;

public sealed class AppointmentImportRow
{
    public required int Line { get; init; }
    public string? ExternalId { get; init; }
    public required string ChartNumber { get; init; }
    public required DateTimeOffset StartUtc { get; init; }
    public int? DurationMinutes { get; init; }
    public required string ProviderName { get; init; }
    public required string Location { get; init; }
    public required string AppointmentType { get; init; }
    public AppointmentStatus? Status { get; init; }

    /// <summary>Filled in once the chart number is found.</summary>
    public int PatientId { get; set; }
}
