using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>Counts and lists for the Email Broadcast tab, from grouped queries (never one per message).</summary>
public sealed class BroadcastReports(PmxDbContext db)
{
    public const int ListedBounces = 500;
    public const int ListedRemoved = 200;

    public async Task<PagedList<BroadcastSummary>> ListAsync(int page, CancellationToken ct = default)
    {
        const int pageSize = 25;
        var broadcasts = db.Campaigns.AsNoTracking().Where(c => c.Kind == CampaignKind.Broadcast);
        var total = await broadcasts.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var campaigns = await broadcasts.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToArray();
        var counts = await CountAsync(ids, ct);
        var items = campaigns.Select(c => new BroadcastSummary(c.Id, c.Name, c.Status, c.CreatedUtc, c.ScheduledForUtc,
            c.CreatedByName, counts[c.Id] with { Addresses = c.MessageCount, Removed = c.SkippedCount })).ToList();
        return new PagedList<BroadcastSummary>(items, page, pageSize, total);
    }

    public async Task<BroadcastReport?> GetAsync(long id, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Kind == CampaignKind.Broadcast, ct);
        if (campaign is null)
        {
            return null;
        }
        var counts = (await CountAsync([id], ct))[id] with { Addresses = campaign.MessageCount, Removed = campaign.SkippedCount };
        var bounces = await db.Messages.AsNoTracking()
            .Where(m => m.CampaignId == id && m.Status == MessageStatus.Bounced)
            .OrderBy(m => m.Id).Take(ListedBounces)
            .Select(m => new BouncedRecipient(m.Id, m.Address, m.Error, m.PatientId, m.ContactPointId))
            .ToListAsync(ct);
        var removed = await db.CampaignSkips.AsNoTracking().Where(s => s.CampaignId == id)
            .OrderBy(s => s.Id).Take(ListedRemoved).ToListAsync(ct);
        return new BroadcastReport(campaign, counts, bounces, removed);
    }

    private async Task<Dictionary<long, BroadcastCounts>> CountAsync(long[] ids, CancellationToken ct)
    {
        var byStatus = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.CampaignId))
            .GroupBy(m => new { m.CampaignId, m.Status, WasSent = m.SentUtc != null })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, g.Key.WasSent, Count = g.Count() })
            .ToListAsync(ct);
        var keys = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var unsubscribed = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == AuditActions.BroadcastUnsubscribed && a.EntityType == nameof(Campaign) && keys.Contains(a.EntityId!))
            .GroupBy(a => a.EntityId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return ids.ToDictionary(i => i, i =>
        {
            var rows = byStatus.Where(r => r.CampaignId == i).ToList();
            int Sum(Func<MessageStatus, bool> status) => rows.Where(r => status(r.Status)).Sum(r => r.Count);
            return new BroadcastCounts(0, 0,
                Waiting: Sum(s => s is MessageStatus.Queued or MessageStatus.Sending),
                Sent: rows.Where(r => r.WasSent).Sum(r => r.Count),
                Bounced: Sum(s => s == MessageStatus.Bounced),
                Failed: Sum(s => s == MessageStatus.Failed),
                Cancelled: Sum(s => s == MessageStatus.Cancelled),
                Unsubscribed: unsubscribed.GetValueOrDefault(i.ToString(CultureInfo.InvariantCulture)));
        });
    }
}
