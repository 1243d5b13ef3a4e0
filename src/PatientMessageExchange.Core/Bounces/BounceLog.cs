using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>The recorded bounces for staff: newest first, with the patients whose records carry each address.</summary>
public class BounceLog(PmxDbContext db, AuditLog audit, IOptions<BounceOptions> options, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The warning for the Bounces page when enough blocked bounces arrived lately; null when too few did.</summary>
    public async Task<BlockedWarning?> BlockedWarningAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var since = clock.GetUtcNow().AddDays(-settings.BlockedWarningWindowDays);
        var statuses = await db.Bounces.AsNoTracking()
            .Where(b => b.Kind == BounceKind.Blocked && b.ProcessedUtc >= since)
            .Select(b => b.Status)
            .ToListAsync(ct);
        if (statuses.Count < settings.BlockedWarningThreshold)
        {
            return null;
        }
        var common = statuses.Where(s => s != null).GroupBy(s => s!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(3).Select(g => g.Key).ToList();
        return new BlockedWarning(statuses.Count, settings.BlockedWarningWindowDays, common);
    }

    public async Task<PagedList<BounceListItem>> ListAsync(BounceKind? kind, int page, CancellationToken ct = default)
    {
        var query = db.Bounces.AsNoTracking();
        if (kind is { } wanted)
        {
            query = query.Where(b => b.Kind == wanted);
        }
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query
            .OrderByDescending(b => b.ProcessedUtc).ThenByDescending(b => b.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(b => new
            {
                b.Id, b.Kind, b.TurnedHard, b.Recipient, b.Status, b.DiagnosticCode, b.Subject, b.Problem, b.MessageId, b.ReceivedUtc,
            })
            .ToListAsync(ct);

        var addresses = rows.Where(r => r.Recipient != null).Select(r => r.Recipient!).Distinct().ToArray();
        var points = await db.ContactPoints.AsNoTracking()
            .Where(c => addresses.Contains(c.Value) && (c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail))
            .Select(c => new
            {
                c.Value, c.Id, c.PatientId, c.Patient!.ChartNumber, c.Patient.LastName, c.Patient.FirstName, c.Patient.PreferredName,
            })
            .ToListAsync(ct);
        var byAddress = points.ToLookup(p => p.Value, p => new BouncePatientLink(p.PatientId, p.Id, p.ChartNumber,
            $"{p.LastName}, {p.PreferredName ?? p.FirstName}"));

        var items = rows.Select(r => new BounceListItem(r.Id, r.Kind, r.TurnedHard, r.Recipient, r.Status, r.DiagnosticCode,
                r.Subject, r.Problem, r.MessageId, r.ReceivedUtc, r.Recipient is null ? [] : byAddress[r.Recipient].ToList()))
            .ToList();
        return new PagedList<BounceListItem>(items, page, PageSize, total);
    }

    /// <summary>The raw report; reading it is audited, since a returned message can carry a patient's details.</summary>
    public async Task<BounceRawReport?> ReadReportAsync(long id, CancellationToken ct = default)
    {
        var bounce = await db.Bounces.AsNoTracking()
            .Where(b => b.Id == id)
            .Select(b => new { b.Id, b.Kind, b.Subject, b.ReceivedUtc, b.RawMessage })
            .FirstOrDefaultAsync(ct);
        if (bounce is null)
        {
            return null;
        }
        await audit.RecordAsync(AuditActions.BounceReportViewed, nameof(Bounce), id.ToString(), ct: ct);
        return new BounceRawReport(bounce.Id, bounce.Kind, bounce.Subject, bounce.ReceivedUtc,
            Encoding.UTF8.GetString(bounce.RawMessage));
    }
}
