using Hangfire;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>
/// Registers the recurring sweeper and, once the app has started, sweeps with force: an in-memory job queue starts
/// empty after a restart, so every batch that is due is handed to it again.
/// </summary>
public sealed class DispatchStartup(
    IRecurringJobManager jobs,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<DispatchOptions> options,
    ILogger<DispatchStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<SweeperJob>(SweeperJob.RecurringId, job => job.RunAsync(CancellationToken.None),
            $"*/{options.Value.SweepMinutes} * * * *");
        lifetime.ApplicationStarted.Register(() => _ = SweepOnceAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    private async Task SweepOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DispatchSweeper>().SweepAsync(force: true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The start-up sweep failed; the recurring sweep will retry");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
