using Hangfire;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// The recurring Hangfire job; it carries no data. The next scheduled run is the retry, and two runs never overlap
/// (they would be safe, R9, but they would only wait on each other).
/// </summary>
public class BounceMailboxJob(ImapBouncePoller poller)
{
    public const string RecurringJobId = "bounce-mailbox";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct) => await poller.PollAsync(ct);
}
