using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Makes sure nothing waits forever, whatever happened to Hangfire's queue: it starts scheduled campaigns that are
/// due, re-enqueues batches that are due but have no live job (never enqueued, lost with an in-memory queue, or whose
/// worker died and let the lease expire), and flags messages stuck in Sending past their lease (R16). It runs every
/// minute and once at start-up, when every due batch is re-enqueued because the in-memory queue starts empty. It also
/// decides channel fallbacks that were due but left undecided by a crash.
/// </summary>
public class DispatchSweeper(PmxDbContext db, IDispatchQueue queue, ChannelFallback fallback, TimeProvider clock,
    IOptions<DispatchOptions> options, ILogger<DispatchSweeper> logger)
{
    public async Task<SweepReport> SweepAsync(bool force, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var lease = options.Value.Lease;

        var started = await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledForUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Sending).SetProperty(c => c.StartedUtc, now), ct);

        var expired = await db.DispatchBatches
            .Where(b => b.Status == BatchStatus.Running && b.LeaseUntilUtc < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BatchStatus.Queued)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntilUtc, (DateTimeOffset?)null)
                .SetProperty(b => b.EnqueuedUtc, (DateTimeOffset?)null), ct);

        // A job handed over within the last lease period is presumed alive; older ones are presumed lost.
        var stale = now - lease;
        var due = await db.DispatchBatches.AsNoTracking()
            .Where(b => b.Status == BatchStatus.Queued && (b.NotBeforeUtc == null || b.NotBeforeUtc <= now) &&
                        (force || b.EnqueuedUtc == null || b.EnqueuedUtc < stale))
            .Where(b => db.Campaigns.Any(c => c.Id == b.CampaignId && c.Status != CampaignStatus.Scheduled))
            .Select(b => b.Id).ToListAsync(ct);
        foreach (var batchId in due)
        {
            await db.DispatchBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.EnqueuedUtc, now), ct);
            queue.Enqueue(batchId);
        }

        var stuckBefore = now - lease - lease;
        var flagged = await db.Messages
            .Where(m => m.Status == MessageStatus.Sending && m.LeaseUntilUtc < stuckBefore && !m.NeedsAttention)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NeedsAttention, true), ct);

        // A minute's grace: the caller that recorded the failure is normally deciding it right now.
        var fallbacks = await fallback.RetryPendingAsync(TimeSpan.FromMinutes(1), take: 100, ct);

        if (started + expired + due.Count + flagged + fallbacks > 0)
        {
            logger.LogInformation(
                "Sweep: {Started} campaign(s) started, {Expired} expired lease(s), {Enqueued} batch(es) enqueued, {Flagged} message(s) flagged, {Fallbacks} fallback(s) decided",
                started, expired, due.Count, flagged, fallbacks);
        }
        return new SweepReport(started, expired, due.Count, flagged, fallbacks);
    }
}
