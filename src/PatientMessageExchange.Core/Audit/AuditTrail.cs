using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Audit;

/// <summary>Reads the append-only audit trail for administrators: filtered, paged, or streamed for export.</summary>
public class AuditTrail(PmxDbContext db)
{
    public async Task<PagedList<AuditEvent>> SearchAsync(AuditQuery query, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var filtered = Filter(query, zone);
        var total = await filtered.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 10, 500);
        var page = Math.Max(1, query.Page);
        var items = await filtered.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<AuditEvent>(items, page, pageSize, total);
    }

    /// <summary>Every matching event, oldest first, read as a stream so a long period never sits in memory.</summary>
    public IAsyncEnumerable<AuditEvent> StreamAsync(AuditQuery query, TimeZoneInfo zone) =>
        Filter(query, zone).OrderBy(e => e.Id).AsAsyncEnumerable();

    public Task<List<string>> ActionsAsync(CancellationToken ct = default) =>
        db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    private IQueryable<AuditEvent> Filter(AuditQuery query, TimeZoneInfo zone)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            events = events.Where(e => e.UserName == query.UserName.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            events = events.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            events = events.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            events = events.Where(e => e.EntityId == query.EntityId.Trim());
        }
        if (query.From is { } from)
        {
            var fromUtc = zone.StartOfDayUtc(from);
            events = events.Where(e => e.OccurredUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = zone.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => e.OccurredUtc < toUtc);
        }
        return events;
    }
}
