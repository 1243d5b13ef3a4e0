using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Credits;

/// <summary>Adds up every ledger entry and compares the result with the balance row (R18).</summary>
public class CreditIntegrityCheck(PmxDbContext db, TimeProvider clock, ILogger<CreditIntegrityCheck> logger)
{
    public async Task<CreditIntegrityReport> RunAsync(CancellationToken ct = default)
    {
        // One snapshot for the sums, the last entry and the balance, so a concurrent write can't raise a false alarm.
        var strategy = db.Database.CreateExecutionStrategy();
        var (sums, last, balance) = await strategy.ExecuteAsync(async cancel =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancel);
            var sums = await db.CreditLedgerEntries.AsNoTracking()
                .GroupBy(e => new { e.Kind, Outbound = e.MessageId != null })
                .Select(g => new { g.Key.Kind, g.Key.Outbound, Sum = g.Sum(e => (long)e.Amount), Count = g.Count() })
                .ToListAsync(cancel);
            var last = await db.CreditLedgerEntries.AsNoTracking().OrderByDescending(e => e.Id)
                .Select(e => new { e.AvailableAfter, e.ReservedAfter }).FirstOrDefaultAsync(cancel);
            var balance = await db.CreditBalances.AsNoTracking()
                              .SingleOrDefaultAsync(b => b.Id == CreditBalance.SingletonId, cancel)
                          ?? new CreditBalance();
            await tx.CommitAsync(cancel);
            return (sums, last, balance);
        }, ct);

        long available = 0, reserved = 0;
        foreach (var s in sums)
        {
            switch (s.Kind)
            {
                case CreditEntryKind.Reserve or CreditEntryKind.Release:
                    available += s.Sum;
                    reserved -= s.Sum;
                    break;
                case CreditEntryKind.Charge when s.Outbound:
                    reserved += s.Sum;
                    break;
                default:
                    available += s.Sum;
                    break;
            }
        }
        var report = new CreditIntegrityReport(sums.Sum(s => s.Count), available, reserved, balance.Available,
            balance.Reserved, last?.AvailableAfter, last?.ReservedAfter, clock.GetUtcNow());
        if (!report.IsConsistent)
        {
            logger.LogWarning(
                "Credit ledger integrity alert: entries add up to {ExpectedAvailable} available / {ExpectedReserved} reserved, " +
                "the balance row says {Available} / {Reserved}",
                report.ExpectedAvailable, report.ExpectedReserved, report.BalanceAvailable, report.BalanceReserved);
        }
        return report;
    }

    /// <summary>The latest corrections an administrator made: adjustments and refunds, newest first.</summary>
    public async Task<IReadOnlyList<CreditLedgerEntry>> RecentCorrectionsAsync(int take = 20, CancellationToken ct = default) =>
        await db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.Kind == CreditEntryKind.Adjustment || e.Kind == CreditEntryKind.Refund)
            .OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);
}
