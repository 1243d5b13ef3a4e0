namespace PatientMessageExchange.Core.Ehr;

public enum EhrWriteBackStatus
{
    Pending = 1,
    Done = 2,

    /// <summary>Retries are exhausted or the server refused it for good; shown on the sync page until retried.</summary>
    Failed = 3,
}
