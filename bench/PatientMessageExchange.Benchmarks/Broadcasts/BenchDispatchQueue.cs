using System.Collections.Concurrent;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Benchmarks.Broadcasts;

/// <summary>Keeps the batch ids the factory enqueues, so the benchmark runs them itself instead of through Hangfire.</summary>
public sealed class BenchDispatchQueue : IDispatchQueue
{
    public ConcurrentQueue<long> Enqueued { get; } = new();

    public void Enqueue(long batchId) => Enqueued.Enqueue(batchId);

    public void Schedule(long batchId, DateTimeOffset notBeforeUtc) => Enqueued.Enqueue(batchId);
}
