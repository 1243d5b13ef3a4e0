using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>What the EHR sync page shows: recent runs, one run's skipped resources, and write-backs not yet done.</summary>
public class EhrSyncReports(PmxDbContext db)
{
    private const int Runs = 30;
    private const int SkipRows = 500;

    public async Task<EhrSyncReport> BuildAsync(int? runId, CancellationToken ct = default)
    {
        var connection = await db.EhrConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var runs = await db.EhrSyncRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Runs).ToListAsync(ct);
        var selected = runId is null ? runs.FirstOrDefault() : runs.FirstOrDefault(r => r.Id == runId)
            ?? await db.EhrSyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var skips = selected is null
            ? []
            : await db.EhrSyncSkips.AsNoTracking().Where(s => s.RunId == selected.Id).OrderBy(s => s.Id).Take(SkipRows).ToListAsync(ct);
        var writeBacks = await db.EhrWriteBacks.AsNoTracking()
            .Where(w => w.Status != EhrWriteBackStatus.Done)
            .OrderBy(w => w.Status).ThenBy(w => w.NextAttemptUtc).Take(200).ToListAsync(ct);
        var written = await db.EhrWriteBacks.CountAsync(w => w.Status == EhrWriteBackStatus.Done, ct);
        return new EhrSyncReport(connection, runs, selected, skips, writeBacks, written);
    }
}
