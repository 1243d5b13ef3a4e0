using Hangfire;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>The Hangfire entry point for one batch. Safe to run twice: the dispatcher claims before it sends.</summary>
public sealed class BatchJob(BatchDispatcher dispatcher)
{
    // Hangfire's own retries would only repeat what the sweeper already does, with less knowledge.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(long batchId, CancellationToken ct) => dispatcher.RunAsync(batchId, ct);
}
