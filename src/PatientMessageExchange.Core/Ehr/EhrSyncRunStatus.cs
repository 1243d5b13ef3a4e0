namespace PatientMessageExchange.Core.Ehr;

public enum EhrSyncRunStatus
{
    Running = 1,
    Succeeded = 2,

    /// <summary>Stopped by an error; what committed before it stays, and the next run resumes from the cursors.</summary>
    Failed = 3,
}
