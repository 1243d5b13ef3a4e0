using Hangfire;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Ehr;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>Registers the EHR sync and write-back ticks; with no enabled connection they find nothing to do.</summary>
public sealed class EhrJobsRegistration(IRecurringJobManager jobs, IOptions<EhrOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<EhrJobs>(EhrJobs.SyncJobId, job => job.SyncAsync(false, CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<EhrJobs>(EhrJobs.WriteBackJobId, job => job.WriteBackAsync(CancellationToken.None), options.Value.WriteBackCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
