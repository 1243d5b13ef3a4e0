using System.Collections.Concurrent;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>Keeps the batch ids the app hands to its job queue, so a test can run them itself, deterministically.</summary>
public sealed class RecordingDispatchQueue : IDispatchQueue
{
    public ConcurrentQueue<long> Enqueued { get; } = new();
    public ConcurrentQueue<(long BatchId, DateTimeOffset NotBeforeUtc)> Scheduled { get; } = new();

    public void Enqueue(long batchId) => Enqueued.Enqueue(batchId);

    public void Schedule(long batchId, DateTimeOffset notBeforeUtc) => Scheduled.Enqueue((batchId, notBeforeUtc));
}
