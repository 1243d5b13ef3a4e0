using Hangfire;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>Registers the bounce mailbox poll when the mailbox is enabled, and removes it when it is not.</summary>
public sealed class BounceJobsRegistration(IRecurringJobManager jobs, IOptions<BounceMailboxOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            jobs.AddOrUpdate<BounceMailboxJob>(BounceMailboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
                options.Value.Cron);
        }
        else
        {
            jobs.RemoveIfExists(BounceMailboxJob.RecurringJobId);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
