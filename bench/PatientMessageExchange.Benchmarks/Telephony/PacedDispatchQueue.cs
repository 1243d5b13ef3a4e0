using System.Threading.Channels;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Benchmarks.Telephony;

/// <summary>
/// Stands in for Hangfire: batches are run by a few workers, a scheduled batch (a 429's Retry-After) not before its
/// time. <see cref="DrainAsync"/> returns when no batch is queued, scheduled or running.
/// </summary>
public sealed class PacedDispatchQueue : IDispatchQueue
{
    private readonly Channel<(long BatchId, DateTimeOffset NotBeforeUtc)> _items = Channel.CreateUnbounded<(long, DateTimeOffset)>();
    private int _outstanding;

    public void Enqueue(long batchId) => Schedule(batchId, DateTimeOffset.MinValue);

    public void Schedule(long batchId, DateTimeOffset notBeforeUtc)
    {
        Interlocked.Increment(ref _outstanding);
        _items.Writer.TryWrite((batchId, notBeforeUtc));
    }

    public async Task DrainAsync(int workers, Func<long, Task> run, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (Volatile.Read(ref _outstanding) == 0)
        {
            return;
        }
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (await _items.Reader.WaitToReadAsync(done.Token))
                {
                    if (!_items.Reader.TryRead(out var item))
                    {
                        continue;
                    }
                    var wait = item.NotBeforeUtc - DateTimeOffset.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, done.Token);
                    }
                    await run(item.BatchId);
                    if (Interlocked.Decrement(ref _outstanding) == 0)
                    {
                        await done.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // Everything ran, or another worker failed and its exception is the one reported.
            }
            catch
            {
                // A batch run that throws stops the drain (the other workers would otherwise wait for it forever).
                await done.CancelAsync();
                throw;
            }
        }, CancellationToken.None)));
    }
}
