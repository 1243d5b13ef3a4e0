using Hangfire;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// The recurring Hangfire jobs of the EHR connection. Both tick every minute and carry no data: the sync runs when the
/// connection's interval has passed since the last run began (so a changed interval applies at once), and the
/// write-back works whatever is due. A run that fails is not retried by Hangfire; the next tick resumes from the cursors.
/// </summary>
public class EhrJobs(DbContextOptions<PmxDbContext> dbOptions, EhrSync sync, EhrWriteBackProcessor writeBacks, TimeProvider clock)
{
    public const string SyncJobId = "ehr-sync";
    public const string WriteBackJobId = "ehr-write-back";

    /// <summary>
    /// Runs the sync when it is due, or at once when <paramref name="force"/> (the sync page's button). One method for
    /// both, so that Hangfire's lock keeps a button press and a tick from running two syncs at the same time.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task SyncAsync(bool force, CancellationToken ct)
    {
        await using var db = new PmxDbContext(dbOptions);
        var connection = await db.EhrConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (connection is not { Enabled: true })
        {
            return;
        }
        var last = await db.EhrSyncRuns.OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.StartedUtc).FirstOrDefaultAsync(ct);
        if (!force && last is not null && last.Value.AddMinutes(connection.SyncIntervalMinutes) > clock.GetUtcNow())
        {
            return;
        }
        await sync.RunAsync(ct);
    }

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task WriteBackAsync(CancellationToken ct) => writeBacks.ProcessDueAsync(ct);
}
