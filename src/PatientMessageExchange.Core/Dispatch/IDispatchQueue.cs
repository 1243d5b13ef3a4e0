namespace PatientMessageExchange.Core.Dispatch;

/// <summary>Hands batch ids to the job runner. Only ids travel; the batch row says what to do.</summary>
public interface IDispatchQueue
{
    void Enqueue(long batchId);

    void Schedule(long batchId, DateTimeOffset notBeforeUtc);
}
