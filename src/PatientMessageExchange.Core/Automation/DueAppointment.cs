using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Automation;

/// <summary>An appointment a rule found due: the few columns the scheduler needs.</summary>
public sealed record DueAppointment(int Id, int PatientId, DateTimeOffset StartUtc, AppointmentStatus Status);
