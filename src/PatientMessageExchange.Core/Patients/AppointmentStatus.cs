namespace PatientMessageExchange.Core.Patients;

public enum AppointmentStatus
{
    Scheduled = 1,
    Confirmed = 2,
    Cancelled = 3,
    Completed = 4,
    NoShow = 5,
}
