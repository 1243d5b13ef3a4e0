using Hangfire;

namespace PatientMessageExchange.Core.Dispatch;

public sealed class SweeperJob(DispatchSweeper sweeper)
{
    public const string RecurringId = "dispatch-sweeper";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken ct) => sweeper.SweepAsync(force: false, ct);
}
