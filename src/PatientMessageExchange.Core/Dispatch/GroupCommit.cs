using Microsoft.Extensions.Logging;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Group commit: callers hand in an item and wait until it is written. One writer at a time takes every item handed in
/// so far and writes them together with the writer function of whoever got there first, so items that arrive while a
/// commit is being written share the next one. With SQLite's single writer this turns N small transactions into a
/// few larger ones, while each caller still learns that its own item is durable before it goes on.
/// </summary>
/// <remarks>One instance per process and database (a singleton), shared by every batch run.</remarks>
public sealed class GroupCommit<T>(ILogger<GroupCommit<T>> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private List<Pending> _waiting = [];

    /// <summary>Returns once <paramref name="item"/> was written, by this caller or in another caller's group.</summary>
    public async Task SubmitAsync(T item, Func<IReadOnlyList<T>, CancellationToken, Task> write, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _waiting.Add(pending);
        }
        await _writer.WaitAsync(CancellationToken.None);
        try
        {
            List<Pending> group;
            lock (_gate)
            {
                group = _waiting;
                _waiting = [];
            }
            if (group.Count > 0)
            {
                try
                {
                    await write(group.ConvertAll(p => p.Item), ct);
                    group.ForEach(p => p.Done.TrySetResult());
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "A group commit of {Count} item(s) failed", group.Count);
                    group.ForEach(p => p.Done.TrySetException(ex));
                }
            }
        }
        finally
        {
            _writer.Release();
        }
        await pending.Done.Task;
    }

    public void Dispose() => _writer.Dispose();

    private sealed record Pending(T Item, TaskCompletionSource Done);
}
