namespace PatientMessageExchange.Core.Patients;

public enum ContactPointStatus
{
    Valid = 1,
    Bounced = 2,
    Invalid = 3,
    OptedOut = 4,
}
