namespace PatientMessageExchange.Core.Patients;

/// <summary>A slot a family freed: whose, when, with whom, and how they cancelled.</summary>
public sealed record CancellationItem(int AppointmentId, int PatientId, string PatientName, DateTimeOffset StartUtc, string Provider,
    string Location, string AppointmentType, DateTimeOffset CancelledUtc, string CancelledBy);
