namespace PatientMessageExchange.Core.Campaigns;

public enum BatchStatus
{
    Queued = 1,
    Running = 2,
    Done = 3,
}
