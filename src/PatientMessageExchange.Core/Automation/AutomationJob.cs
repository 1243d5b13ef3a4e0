using Hangfire;
using Microsoft.Extensions.Logging;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// The recurring Hangfire job (no arguments). Runs of one process never overlap; runs of several workers may, and the
/// unique decision key keeps them from sending twice. The next tick is the retry.
/// </summary>
public class AutomationJob(AutomationScheduler scheduler, ILogger<AutomationJob> logger)
{
    public const string RecurringJobId = "automated-messages";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var report = await scheduler.RunAsync(ct);
        if (report.Messages + report.Skipped > 0 || report.Paused)
        {
            logger.LogInformation("Automated messages: {Messages} messages ({Merged} merged), {Skipped} skipped, {Waiting} waiting, {Credits} credits, paused {Paused}",
                report.Messages, report.Merged, report.Skipped, report.Waiting, report.Credits, report.Paused);
        }
    }
}
