using Hangfire;

namespace PatientMessageExchange.Core.Dispatch;

public sealed class HangfireDispatchQueue(IBackgroundJobClient jobs) : IDispatchQueue
{
    public void Enqueue(long batchId) => jobs.Enqueue<BatchJob>(job => job.RunAsync(batchId, CancellationToken.None));

    public void Schedule(long batchId, DateTimeOffset notBeforeUtc) =>
        jobs.Schedule<BatchJob>(job => job.RunAsync(batchId, CancellationToken.None), notBeforeUtc);
}
