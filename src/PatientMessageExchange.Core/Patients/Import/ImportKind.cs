namespace PatientMessageExchange.Core.Patients.Import;

public enum ImportKind
{
    Patients,
    Appointments,
}
