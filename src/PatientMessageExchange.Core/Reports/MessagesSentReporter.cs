using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// The Messages Sent report, in set-based SQL that never loads the period into memory.
/// <para>
/// <b>When a message counts for a period.</b> A message that a provider accepted counts at its <c>SentUtc</c>, whatever
/// happened later (delivered, undelivered, bounced). A message that never reached a provider (failed, cancelled, or
/// rejected outright by the receiving server) has no <c>SentUtc</c> and counts at its <c>CompletedUtc</c>, when it was
/// given up. Messages still queued or sending are not in the report yet.
/// </para>
/// <para>
/// <b>Credits.</b> <c>SentUtc</c> is written in the same transaction as the message's ledger Charge of exactly
/// <c>Cost</c> (BatchDispatcher.RecordAsync), and a message without <c>SentUtc</c> had its share released, never charged.
/// So a group's credits are SUM(Cost) over its messages with <c>SentUtc</c>, which the covering index answers without
/// touching the ledger. The ledger is then summed on its own (every Charge created in the period, outbound and inbound)
/// as "charged per ledger": two independent sources that must agree, and any difference is flagged.
/// </para>
/// </summary>
public class MessagesSentReporter(PmxDbContext db)
{
    public const int DefaultPageSize = 50;

    // The report's queries are compiled once: EF Core otherwise rebuilds each expression tree, extracts its parameters
    // and looks the tree up in its query cache on every call, which costs more than SQLite's part on a month of data.

    // Both branches are answered from IX_Messages_SentUtc_CompletedUtc_Mode_Status_Cost alone.
    private static readonly CompiledPerModel<Func<PmxDbContext, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<GroupTotal>>> SentTotals =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, DateTimeOffset start, DateTimeOffset end) => db.Messages.AsNoTracking()
            .Where(m => m.SentUtc >= start && m.SentUtc < end)
            .GroupBy(m => new { m.Mode, m.Status })
            .Select(g => new GroupTotal { Mode = g.Key.Mode, Status = g.Key.Status, Count = g.Count(), Credits = g.Sum(m => (long)m.Cost) })));

    private static readonly CompiledPerModel<Func<PmxDbContext, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<GroupTotal>>> UnsentTotals =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, DateTimeOffset start, DateTimeOffset end) => db.Messages.AsNoTracking()
            .Where(m => m.SentUtc == null && m.CompletedUtc >= start && m.CompletedUtc < end)
            .GroupBy(m => new { m.Mode, m.Status })
            .Select(g => new GroupTotal { Mode = g.Key.Mode, Status = g.Key.Status, Count = g.Count() })));

    // Both answered from IX_CreditLedgerEntries_Kind_CreatedUtc_Amount_InboundMessageId.
    private static readonly CompiledPerModel<Func<PmxDbContext, DateTimeOffset, DateTimeOffset, CancellationToken, Task<GroupTotal?>>> InboundTotal =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken _) => db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.Kind == CreditEntryKind.Charge && e.CreatedUtc >= start && e.CreatedUtc < end && e.InboundMessageId != null)
            .GroupBy(e => 1)
            .Select(g => new GroupTotal { Count = g.Count(), Credits = -g.Sum(e => (long)e.Amount) })
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<PmxDbContext, DateTimeOffset, DateTimeOffset, CancellationToken, Task<long?>>> LedgerCharges =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken _) => db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.Kind == CreditEntryKind.Charge && e.CreatedUtc >= start && e.CreatedUtc < end)
            .Sum(e => (long?)e.Amount)));

    private static readonly CompiledPerModel<Func<PmxDbContext, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<CampaignRow>>> RecentCampaigns =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, DateTimeOffset from, DateTimeOffset end) => db.Campaigns.AsNoTracking()
            .Where(c => c.CreatedUtc >= from && c.CreatedUtc < end)
            .OrderByDescending(c => c.CreatedUtc).Take(200)
            .Select(c => new CampaignRow { Id = c.Id, Name = c.Name, CreatedUtc = c.CreatedUtc, CreatedByUserId = c.CreatedByUserId, CreatedByName = c.CreatedByName })));

    public async Task<MessagesSentReport> BuildAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);

        var sent = await ToListAsync(SentTotals.For(db)(db, start, end), ct);
        var unsent = await ToListAsync(UnsentTotals.For(db)(db, start, end), ct);

        var groups = Enum.GetValues<ContactMode>().Select(mode =>
        {
            var counts = StatusCounts.Zero;
            foreach (var row in sent.Where(r => r.Mode == mode))
            {
                counts = counts.Add(row.Status, row.Count);
            }
            foreach (var row in unsent.Where(r => r.Mode == mode))
            {
                counts = counts.Add(row.Status, row.Count);
            }
            return new MessagesSentGroup(mode, counts, sent.Where(r => r.Mode == mode).Sum(r => r.Credits));
        }).ToList();

        var inbound = await InboundTotal.For(db)(db, start, end, ct);
        var ledgerTotal = -(await LedgerCharges.For(db)(db, start, end, ct) ?? 0);

        return new MessagesSentReport(period, groups, new InboundRepliesGroup(inbound?.Count ?? 0, inbound?.Credits ?? 0),
            ledgerTotal);
    }

    /// <summary>One page of the messages in the period that match the filter, oldest first.</summary>
    public async Task<PagedList<MessagesSentRow>> ListAsync(ReportPeriod period, MessagesSentFilter filter, int page,
        int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 10, 500);
        page = Math.Max(1, page);
        var query = Query(period, filter);
        var total = await query.CountAsync(ct);
        var items = await Ordered(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        // A range on the unique index of FallbackOfMessageId (a list of ids made SQLite scan the table instead); the
        // range may hold fallbacks of messages on other pages, which the row lookup ignores.
        var (first, last) = items.Count == 0 ? (0L, -1L) : (items.Min(r => r.Id), items.Max(r => r.Id));
        var fallbacks = await FallbacksAsync(db.Messages.AsNoTracking()
            .Where(f => f.FallbackOfMessageId >= first && f.FallbackOfMessageId <= last), ct);
        return new PagedList<MessagesSentRow>(items.Select(r => ToRow(r, fallbacks)).ToList(), page, pageSize, total);
    }

    /// <summary>Every matching message, read row by row from one query; for exports of any length.</summary>
    public async IAsyncEnumerable<MessagesSentRow> StreamAsync(ReportPeriod period, MessagesSentFilter filter,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        // A fallback is created after the message it replaces, so the period's start bounds them; they are few.
        var start = period.StartUtc;
        var fallbacks = await FallbacksAsync(db.Messages.AsNoTracking()
            .Where(f => f.FallbackOfMessageId != null && f.CreatedUtc >= start), ct);
        await foreach (var raw in Ordered(Query(period, filter)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToRow(raw, fallbacks);
        }
    }

    /// <summary>Every charged inbound reply in the period, page after page; for the print page, which lists them all.</summary>
    public async IAsyncEnumerable<InboundReplyRow> StreamInboundAsync(ReportPeriod period,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        const int pageSize = 500;
        for (var page = 1; ; page++)
        {
            var batch = await ListInboundAsync(period, page, pageSize, ct);
            foreach (var row in batch.Items)
            {
                yield return row;
            }
            if (page * pageSize >= batch.TotalCount || batch.Items.Count == 0)
            {
                yield break;
            }
        }
    }

    public async Task<PagedList<InboundReplyRow>> ListInboundAsync(ReportPeriod period, int page,
        int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 10, 500);
        page = Math.Max(1, page);
        var (start, end) = (period.StartUtc, period.EndUtc);
        var query = db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.Kind == CreditEntryKind.Charge && e.InboundMessageId != null && e.CreatedUtc >= start && e.CreatedUtc < end);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new InboundReplyRow(e.Id, e.InboundMessageId!.Value, e.CreatedUtc, -e.Amount))
            .ToListAsync(ct);
        return new PagedList<InboundReplyRow>(items, page, pageSize, total);
    }

    /// <summary>The campaigns and staff users that the filter lists offer: those with a campaign that could have messages in the period.</summary>
    public async Task<MessagesSentChoices> ChoicesAsync(ReportPeriod period, CancellationToken ct = default)
    {
        // A campaign is created before its messages go, and a retrying one finishes within days; a month of slack
        // keeps long-running campaigns without scanning all history.
        var from = period.StartUtc.AddDays(-31);
        var end = period.EndUtc;
        var campaigns = await ToListAsync(RecentCampaigns.For(db)(db, from, end), ct);
        return new MessagesSentChoices(
            campaigns.Select(c => new CampaignChoice(c.Id, c.Name, c.CreatedUtc)).ToList(),
            campaigns.Where(c => c.CreatedByUserId != null)
                .GroupBy(c => c.CreatedByUserId!)
                .Select(g => new StaffChoice(g.Key, g.First().CreatedByName))
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .ToList());
    }

    private IQueryable<RawRow> Query(ReportPeriod period, MessagesSentFilter filter)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        var messages = db.Messages.AsNoTracking()
            .Where(m => (m.SentUtc >= start && m.SentUtc < end) ||
                        (m.SentUtc == null && m.CompletedUtc >= start && m.CompletedUtc < end));
        if (filter.Mode is { } mode)
        {
            messages = messages.Where(m => m.Mode == mode);
        }
        if (filter.CampaignId is { } campaignId)
        {
            messages = messages.Where(m => m.CampaignId == campaignId);
        }
        if (filter.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }
        var campaigns = db.Campaigns.AsNoTracking();
        if (filter.Need is { } need)
        {
            campaigns = campaigns.Where(c => c.Need == need);
        }
        if (!string.IsNullOrEmpty(filter.StaffUserId))
        {
            var staff = filter.StaffUserId;
            campaigns = campaigns.Where(c => c.CreatedByUserId == staff);
        }
        if (filter.Automated is { } automated)
        {
            campaigns = automated ? campaigns.Where(c => c.AutomationRuleId != null) : campaigns.Where(c => c.AutomationRuleId == null);
        }
        return from m in messages
               join c in campaigns on m.CampaignId equals c.Id
               join p in db.Patients.AsNoTracking() on m.PatientId equals p.Id into patients
               from p in patients.DefaultIfEmpty()
               select new RawRow
               {
                   Id = m.Id,
                   SentUtc = m.SentUtc,
                   CompletedUtc = m.CompletedUtc,
                   Mode = m.Mode,
                   LastName = p == null ? null : p.LastName,
                   FirstName = p == null ? null : p.PreferredName ?? p.FirstName,
                   Address = m.Address,
                   CampaignId = c.Id,
                   Campaign = c.Name,
                   Need = c.Need,
                   Sender = c.CreatedByName,
                   Status = m.Status,
                   Cost = m.Cost,
                   Error = m.Error,
               };
    }

    private static IQueryable<RawRow> Ordered(IQueryable<RawRow> query) =>
        query.OrderBy(r => r.SentUtc ?? r.CompletedUtc).ThenBy(r => r.Id);

    /// <summary>
    /// The message each failed message fell back to (FallbackOfMessageId is unique), read apart from the rows: joined
    /// into the row query it cost SQLite the index order the report's paging relies on.
    /// </summary>
    private static async Task<Dictionary<long, (ContactMode Mode, long Id)>> FallbacksAsync(IQueryable<Message> fallbacks,
        CancellationToken ct) =>
        (await fallbacks.Select(f => new { Of = f.FallbackOfMessageId!.Value, f.Mode, f.Id }).ToListAsync(ct))
        .ToDictionary(f => f.Of, f => (f.Mode, f.Id));

    private static MessagesSentRow ToRow(RawRow r, Dictionary<long, (ContactMode Mode, long Id)> fallbacks) => new(
        r.Id,
        r.SentUtc ?? r.CompletedUtc ?? default,
        r.Mode,
        r.LastName is null ? null : $"{r.LastName}, {r.FirstName}",
        r.Address,
        r.CampaignId,
        r.Campaign,
        r.Need,
        r.Sender,
        r.Status,
        r.SentUtc is null ? 0 : r.Cost,
        MessageProblems.Explain(r.Status, r.Error, fallbacks.TryGetValue(r.Id, out var fallback) ? fallback : null));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }
        return list;
    }

    private sealed class GroupTotal
    {
        public ContactMode Mode { get; init; }
        public MessageStatus Status { get; init; }
        public int Count { get; init; }
        public long Credits { get; init; }
    }

    private sealed class CampaignRow
    {
        public long Id { get; init; }
        public required string Name { get; init; }
        public DateTimeOffset CreatedUtc { get; init; }
        public string? CreatedByUserId { get; init; }
        public required string CreatedByName { get; init; }
    }

    private sealed class RawRow
    {
        public long Id { get; init; }
        public DateTimeOffset? SentUtc { get; init; }
        public DateTimeOffset? CompletedUtc { get; init; }
        public ContactMode Mode { get; init; }
        public string? LastName { get; init; }
        public string? FirstName { get; init; }
        public required string Address { get; init; }
        public long CampaignId { get; init; }
        public required string Campaign { get; init; }
        public Preferences.Need Need { get; init; }
        public required string Sender { get; init; }
        public MessageStatus Status { get; init; }
        public int Cost { get; init; }
        public string? Error { get; init; }
    }
}
