using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>Reading campaigns and their progress, and cancelling what has not gone yet.</summary>
public class CampaignService(PmxDbContext db, CreditLedger ledger, AuditLog audit, TimeProvider clock, ILogger<CampaignService> logger)
{
    private const int CancelChunk = 200;

    public async Task<PagedList<Campaign>> ListAsync(CampaignKind? kind, int page, int pageSize = 25, CancellationToken ct = default)
    {
        var query = db.Campaigns.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(c => c.Kind == kind);
        }
        var total = await query.CountAsync(ct);
        // Computed here, not inside the query: EF Core would otherwise compile the arithmetic to a delegate on every call.
        var skip = (Math.Max(1, page) - 1) * pageSize;
        var items = await query.OrderByDescending(c => c.Id).Skip(skip).Take(pageSize).ToListAsync(ct);
        return new PagedList<Campaign>(items, Math.Max(1, page), pageSize, total);
    }

    public async Task<CampaignProgress?> GetProgressAsync(long campaignId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }
        var byStatus = await db.Messages.AsNoTracking().Where(m => m.CampaignId == campaignId)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var attention = await db.Messages.CountAsync(m => m.CampaignId == campaignId && m.NeedsAttention, ct);
        var ledgerTotals = await db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.CampaignId == campaignId && (e.Kind == CreditEntryKind.Charge || e.Kind == CreditEntryKind.Release))
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToListAsync(ct);
        var charged = -(ledgerTotals.FirstOrDefault(t => t.Key == CreditEntryKind.Charge)?.Sum ?? 0);
        var released = ledgerTotals.FirstOrDefault(t => t.Key == CreditEntryKind.Release)?.Sum ?? 0;
        return new CampaignProgress(campaign, byStatus, campaign.SkippedCount, charged, released, attention);
    }

    public async Task<IReadOnlyList<CampaignSkipRow>> GetSkipsAsync(long campaignId, int take = 500, CancellationToken ct = default) =>
        await db.CampaignSkips.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.Id).Take(take)
            .Select(s => new CampaignSkipRow(s.PatientId,
                db.Patients.Where(p => p.Id == s.PatientId)
                    .Select(p => p.LastName + ", " + (p.PreferredName ?? p.FirstName)).FirstOrDefault(),
                s.Address, s.Explanation))
            .ToListAsync(ct);

    /// <summary>
    /// The campaign's messages that failed for good, each with the message channel fallback sent by the next mode, or
    /// the reason none went (the note <see cref="ChannelFallback"/> adds to the failed message's error).
    /// </summary>
    public async Task<IReadOnlyList<CampaignFallback>> GetFallbacksAsync(long campaignId, int take = 500, CancellationToken ct = default)
    {
        var fellBack = await (
                from f in db.Messages.AsNoTracking()
                where f.CampaignId == campaignId && f.FallbackOfMessageId != null
                join m in db.Messages.AsNoTracking() on f.FallbackOfMessageId equals m.Id
                orderby m.Id
                select new { m.Id, m.Mode, m.Status, FallbackId = f.Id, FallbackMode = f.Mode, FallbackStatus = f.Status })
            .Take(take).ToListAsync(ct);
        var prefix = ChannelFallback.NotePrefix;
        var notes = await db.Messages.AsNoTracking()
            .Where(m => m.CampaignId == campaignId && m.Error != null && m.Error.Contains(prefix))
            .OrderBy(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.Mode, m.Status, Error = m.Error! }).ToListAsync(ct);
        return fellBack.Select(x => new CampaignFallback(x.Id, x.Mode, x.Status, x.FallbackId, x.FallbackMode, x.FallbackStatus, null))
            .Concat(notes.Select(x => new CampaignFallback(x.Id, x.Mode, x.Status, null, null, null,
                x.Error[x.Error.IndexOf(prefix, StringComparison.Ordinal)..])))
            .OrderBy(x => x.MessageId).Take(take).ToList();
    }

    /// <summary>
    /// Cancels every message that has not gone and releases its credits, message by message through the ledger.
    /// Messages already in flight finish normally. Returns how many were cancelled.
    /// </summary>
    public async Task<OperationResult> CancelAsync(long campaignId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var stopped = await db.Campaigns
            .Where(c => c.Id == campaignId && (c.Status == CampaignStatus.Scheduled || c.Status == CampaignStatus.Sending))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Cancelled).SetProperty(c => c.CancelledUtc, now), ct);
        if (stopped == 0)
        {
            return OperationResult.Fail("This campaign has finished or was already cancelled.");
        }
        var cancelled = 0;
        while (true)
        {
            var chunk = await db.Messages.AsNoTracking()
                .Where(m => m.CampaignId == campaignId && m.Status == MessageStatus.Queued)
                .OrderBy(m => m.Id).Take(CancelChunk)
                .Select(m => new { m.Id, m.Cost, m.Mode }).ToListAsync(ct);
            if (chunk.Count == 0)
            {
                break;
            }
            var strategy = db.Database.CreateExecutionStrategy();
            cancelled += await strategy.ExecuteAsync(async cancel =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                var count = 0;
                foreach (var message in chunk)
                {
                    var updated = await db.Messages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Queued)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Status, MessageStatus.Cancelled)
                            .SetProperty(m => m.CompletedUtc, now), cancel);
                    if (updated == 0)
                    {
                        continue;
                    }
                    var released = await ledger.ReleaseWithin(db,
                        new CreditShare(message.Id, campaignId, message.Cost, message.Mode), $"release:message:{message.Id}", cancel);
                    if (released.Outcome != CreditOutcome.Posted)
                    {
                        throw new InvalidOperationException($"The ledger refused to release message {message.Id}: {released.Outcome}.");
                    }
                    count++;
                }
                await transaction.CommitAsync(cancel);
                return count;
            }, ct);
        }
        var batches = await db.DispatchBatches.Where(b => b.CampaignId == campaignId && b.Status == BatchStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BatchStatus.Done).SetProperty(b => b.CompletedUtc, now), ct);
        await audit.RecordAsync(AuditActions.CampaignCancelled, nameof(Campaign), campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{cancelled} message(s) cancelled and released", ct);
        logger.LogInformation("Campaign {CampaignId} cancelled: {Cancelled} messages released, {Batches} batches closed",
            campaignId, cancelled, batches);
        await BatchDispatcher.CompleteCampaignIfDoneAsync(db, campaignId, now, ct);
        return OperationResult.Ok;
    }
}
