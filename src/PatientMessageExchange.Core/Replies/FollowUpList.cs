using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// Replies that need a person: call-back requests ("N" by text, or 3 pressed on a call), text replies we could not act on, and
/// confirmation calls nobody answered. Staff mark them handled; that is audited and kept.
/// </summary>
public class FollowUpList(PmxDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int Limit = 200;

    public static readonly InboundKind[] Kinds = [InboundKind.CallbackRequest, InboundKind.Other, InboundKind.NoResponse];

    /// <summary>Open follow-ups, oldest first; with <paramref name="includeHandled"/>, the latest handled ones after them.</summary>
    public async Task<IReadOnlyList<FollowUpItem>> ListAsync(bool includeHandled, CancellationToken ct = default)
    {
        var items = await ReadAsync(db.InboundMessages.AsNoTracking().Where(i => Kinds.Contains(i.Kind) && i.HandledUtc == null)
            .OrderBy(i => i.Id), ct);
        if (includeHandled)
        {
            items.AddRange(await ReadAsync(db.InboundMessages.AsNoTracking().Where(i => Kinds.Contains(i.Kind) && i.HandledUtc != null)
                .OrderByDescending(i => i.Id), ct));
        }
        return items;
    }

    private async Task<List<FollowUpItem>> ReadAsync(IQueryable<InboundMessage> query, CancellationToken ct)
    {
        var rows = await query.Take(Limit)
            .Select(i => new
            {
                i.Id, i.Kind, i.Channel, i.From, i.Body, i.ReceivedUtc, i.PatientId, i.HandledUtc,
                Patient = db.Patients.Where(p => p.Id == i.PatientId)
                    .Select(p => new { p.FirstName, p.PreferredName, p.LastName, p.ChartNumber }).FirstOrDefault(),
                AppointmentStartUtc = db.Appointments.Where(a => a.Id == i.AppointmentId).Select(a => (DateTimeOffset?)a.StartUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new FollowUpItem(r.Id, r.Kind, r.Channel, r.From, r.Body, r.ReceivedUtc, r.PatientId,
                r.Patient is null ? null : $"{r.Patient.LastName}, {r.Patient.PreferredName ?? r.Patient.FirstName}",
                r.Patient?.ChartNumber, r.AppointmentStartUtc, r.HandledUtc))
            .ToList();
    }

    /// <summary>Marks a follow-up handled. False when there is no such open follow-up (already handled, or not one).</summary>
    public async Task<bool> MarkHandledAsync(long id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var updated = await db.InboundMessages.Where(i => i.Id == id && i.HandledUtc == null && Kinds.Contains(i.Kind))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.HandledUtc, now), cancel);
            if (updated == 0)
            {
                await transaction.RollbackAsync(cancel);
                return false;
            }
            audit.Add(AuditActions.FollowUpHandled, nameof(InboundMessage), id.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            return true;
        }, ct);
    }
}
