namespace PatientMessageExchange.Core.Patients;

public sealed record ScheduleEntry(
    int AppointmentId,
    DateTimeOffset StartUtc,
    int DurationMinutes,
    int PatientId,
    string PatientName,
    string ChartNumber,
    string ProviderName,
    string Location,
    string AppointmentType,
    AppointmentStatus Status,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedUtc = null,
    bool CallbackRequested = false,
    bool NoResponse = false,
    ConfirmationRequestState? LastRequest = null);
