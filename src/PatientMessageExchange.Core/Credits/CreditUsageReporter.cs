using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// Builds the Usage Statistics figures from ledger entries: what was bought (net of refunds: a refund counts against
/// the month it was made in), what was used, and when.
/// </summary>
public class CreditUsageReporter(
    PmxDbContext db,
    CreditLedger ledger,
    CreditIntegrityCheck integrity,
    PracticeDirectory practice,
    IOptions<CreditsOptions> options,
    TimeProvider clock)
{
    public async Task<CreditUsageReport> BuildAsync(int months = 12, CancellationToken ct = default)
    {
        var zone = practice.GetTimeZone();
        var now = clock.GetUtcNow();
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var firstMonth = new DateTime(localNow.Year, localNow.Month, 1).AddMonths(-(months - 1));
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(firstMonth, zone));

        var entries = await db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.CreatedUtc >= from &&
                        (e.Kind == CreditEntryKind.Purchase || e.Kind == CreditEntryKind.Bonus || e.Kind == CreditEntryKind.Refund ||
                         e.Kind == CreditEntryKind.Charge))
            .Select(e => new { e.Kind, e.Amount, e.CreatedUtc, e.ContactMode, Inbound = e.InboundMessageId != null })
            .ToListAsync(ct);

        var byMonth = entries
            .GroupBy(e =>
            {
                var local = TimeZoneInfo.ConvertTime(e.CreatedUtc, zone);
                return (local.Year, local.Month);
            })
            .ToDictionary(g => g.Key, g => (
                Purchased: g.Where(e => e.Kind != CreditEntryKind.Charge).Sum(e => (long)e.Amount),
                Used: g.Where(e => e.Kind == CreditEntryKind.Charge).Sum(e => -(long)e.Amount)));
        var monthRows = new List<CreditUsageMonth>(months);
        for (var m = firstMonth; m <= localNow.DateTime; m = m.AddMonths(1))
        {
            var totals = byMonth.GetValueOrDefault((m.Year, m.Month));
            monthRows.Add(new CreditUsageMonth(m.Year, m.Month, totals.Purchased, totals.Used));
        }

        var byMode = entries.Where(e => e.Kind == CreditEntryKind.Charge)
            .GroupBy(e => (e.ContactMode, e.Inbound))
            .Select(g => new CreditUsageByMode(g.Key.ContactMode, g.Key.Inbound, g.Sum(e => -(long)e.Amount), g.Count()))
            .OrderBy(r => r.Inbound).ThenBy(r => r.Mode)
            .ToList();

        var monthAgo = now.AddDays(-30);
        var usedLast30Days = entries.Where(e => e.Kind == CreditEntryKind.Charge && e.CreatedUtc >= monthAgo)
            .Sum(e => -(long)e.Amount);
        var averageWeekly = (long)Math.Ceiling(usedLast30Days * 7m / 30m);

        return new CreditUsageReport(await ledger.GetBalance(ct), monthRows, byMode, options.Value.LowBalanceThreshold,
            averageWeekly, await integrity.RunAsync(ct),
            await db.CreditPurchases.AsNoTracking().OrderByDescending(p => p.Id).Take(50).ToListAsync(ct),
            await db.CreditPlans.AsNoTracking().Where(p => !p.IsRetired).OrderBy(p => p.PriceCents).ToListAsync(ct));
    }
}
