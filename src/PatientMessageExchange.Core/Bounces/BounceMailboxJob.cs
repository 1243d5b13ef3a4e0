using Hangfire;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// The recurring Hangfire job; it carries no data. The next scheduled run is the retry, and two runs never overlap
/// (they would be safe, R9, but they would only wait on each other). A new hard bounce of a personalized or
/// confirmation email hands the message to <see cref="ChannelFallback"/> once the bounce has committed.
/// </summary>
public class BounceMailboxJob(ImapBouncePoller poller, ChannelFallback fallback)
{
    public const string RecurringJobId = "bounce-mailbox";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await poller.PollAsync(ct);
        foreach (var messageId in FallbackCandidates(result))
        {
            await fallback.TryOrLeaveForSweepAsync(messageId, ct);
        }
    }

    /// <summary>
    /// The matched messages of bounces first recorded in this pass that are permanent; <see cref="ChannelFallback"/>
    /// itself leaves out broadcasts and anything not Bounced.
    /// </summary>
    public static IReadOnlyList<long> FallbackCandidates(BouncePollResult result) =>
        result.Bounces.Where(b => b is { AlreadyRecorded: false, IsPermanent: true, MessageId: not null })
            .Select(b => b.MessageId!.Value).Distinct().ToList();
}
