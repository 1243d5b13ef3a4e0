using Hangfire;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>Registers the recurring ledger integrity check on start; the job carries no data, only its id.</summary>
public sealed class CreditJobsRegistration(IRecurringJobManager jobs, IOptions<CreditsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<CreditIntegrityJob>(CreditIntegrityJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            options.Value.IntegrityCheckCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
