using System.Collections.Concurrent;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Benchmarks.Hosting;

/// <summary>
/// Stands in for the app's dispatch queue: holds the batches a new campaign enqueues, so that the clock starts when
/// they are handed on, not while the campaign is being written. Released batches go to <paramref name="next"/> (the
/// real Hangfire queue for B2); with none, the benchmark runs the held batches itself. Counts the jobs handed on.
/// </summary>
public sealed class HeldDispatchQueue(IDispatchQueue? next) : IDispatchQueue
{
    private readonly ConcurrentQueue<long> _held = new();
    private volatile bool _released;
    private int _jobs;

    /// <summary>Jobs handed to <paramref name="next"/>: enqueued batches plus any rescheduled ones.</summary>
    public int JobsHandedOn => Volatile.Read(ref _jobs);

    public void Enqueue(long batchId)
    {
        if (_released && next is not null)
        {
            Interlocked.Increment(ref _jobs);
            next.Enqueue(batchId);
            return;
        }
        _held.Enqueue(batchId);
    }

    public void Schedule(long batchId, DateTimeOffset notBeforeUtc)
    {
        Interlocked.Increment(ref _jobs);
        next?.Schedule(batchId, notBeforeUtc);
    }

    /// <summary>Takes the held batches, for running them directly.</summary>
    public List<long> TakeHeld()
    {
        var taken = new List<long>();
        while (_held.TryDequeue(out var id))
        {
            taken.Add(id);
        }
        return taken;
    }

    /// <summary>Hands every held batch on to the next queue, and every later one as it comes.</summary>
    public void Release()
    {
        _released = true;
        foreach (var id in TakeHeld())
        {
            Interlocked.Increment(ref _jobs);
            next!.Enqueue(id);
        }
    }
}
