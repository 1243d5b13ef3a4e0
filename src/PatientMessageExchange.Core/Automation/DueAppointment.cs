using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Automation;

/// <summary>An appointment a rule looks at: the few columns the scheduler needs.</summary>
public sealed record DueAppointment(int Id, int PatientId, int ProviderId, DateTimeOffset StartUtc, string Location,
    string AppointmentType, AppointmentStatus Status);
