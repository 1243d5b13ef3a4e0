using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// The only writer of credits. Every operation is one transaction that changes the single <see cref="CreditBalance"/>
/// row and appends the entries that explain the change; entries are never updated or deleted.
/// </summary>
/// <remarks>
/// <para>Why a conditional update: each operation starts with
/// <c>UPDATE CreditBalances SET Available = Available - @n, Reserved = Reserved + @n, Version = Version + 1
/// WHERE Id = 1 AND Available &gt;= @n</c> (through <c>ExecuteUpdateAsync</c>). The database evaluates the guard and applies
/// the change as one atomic statement, so two senders can never both see the same credits as free: on SQL Server the
/// second waits on the row's update lock and re-evaluates the guard; on SQLite the statement takes the database write
/// lock. Zero rows affected means "not enough credits" and nothing is written. No isolation-level or provider-specific
/// locking hint is needed, so SQLite and SQL Server run the very same code.</para>
/// <para>Because that update is the first statement of every ledger transaction, the balance row is also the ledger's
/// lock: everything after it in the transaction (the idempotency check, the resolve-once check, the entry's "after"
/// totals) is serialized with every other ledger write, and locks are always taken in the same order (balance row
/// first), which rules out deadlocks. On SQLite a write as the first statement also avoids the WAL "busy snapshot"
/// error a read-then-write transaction would hit.</para>
/// <para>Each operation uses a context of its own, so a refused or failed write never disturbs the caller's unit of
/// work, and parallel callers never share a context.</para>
/// </remarks>
public class CreditLedger(
    DbContextOptions<PmxDbContext> options,
    IActorContext actor,
    TimeProvider clock,
    ILogger<CreditLedger> logger)
{
    /// <summary>Holds a campaign's estimated credits so that they can't be spent twice.</summary>
    public Task<CreditResult> Reserve(long campaignId, int amount, string key, CancellationToken ct = default)
    {
        RequirePositive(amount);
        var posting = new Posting(CreditEntryKind.Reserve, -amount, key, -amount, amount) { CampaignId = campaignId };
        return PostAsync([posting], (db, cancel) => GrowReservationAsync(db, campaignId, amount, cancel), ct);
    }

    private async Task<CreditOutcome?> GrowReservationAsync(PmxDbContext db, long campaignId, int amount, CancellationToken ct)
    {
        var grown = await db.CreditReservations.Where(r => r.CampaignId == campaignId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Reserved, r => r.Reserved + amount)
                .SetProperty(r => r.Outstanding, r => r.Outstanding + amount), ct);
        if (grown == 0)
        {
            db.CreditReservations.Add(new CreditReservation
            {
                CampaignId = campaignId, Reserved = amount, Outstanding = amount, CreatedUtc = clock.GetUtcNow(),
            });
        }
        return null;
    }

    /// <summary>Spends a message's share of its campaign's reservation once a provider accepted the message.</summary>
    public Task<CreditResult> Charge(CreditShare share, string key, CancellationToken ct = default) =>
        Resolve(CreditEntryKind.Charge, share, key, ct);

    /// <summary>Returns a message's share to the available balance when it is cancelled or fails before a provider.</summary>
    public Task<CreditResult> Release(CreditShare share, string key, CancellationToken ct = default) =>
        Resolve(CreditEntryKind.Release, share, key, ct);

    /// <summary>
    /// Reserves inside the caller's open transaction on <paramref name="db"/>, so that a campaign's rows and its
    /// reservation commit together or not at all. Anything but <see cref="CreditOutcome.Posted"/> means the caller must
    /// roll back.
    /// </summary>
    public Task<CreditResult> ReserveWithin(PmxDbContext db, long campaignId, int amount, string key, CancellationToken ct = default)
    {
        RequirePositive(amount);
        RequireOpenTransaction(db);
        RequireKey(key);
        var posting = new Posting(CreditEntryKind.Reserve, -amount, key, -amount, amount) { CampaignId = campaignId };
        return PostInTransactionAsync(db, [posting], (inner, cancel) => GrowReservationAsync(inner, campaignId, amount, cancel), ct);
    }

    /// <summary>
    /// Charges a message's share inside the caller's open transaction, where the caller also records the message as
    /// sent: the charge and the message's state can't disagree after a crash.
    /// </summary>
    public Task<CreditResult> ChargeWithin(PmxDbContext db, CreditShare share, string key, CancellationToken ct = default) =>
        ResolveWithin(db, CreditEntryKind.Charge, share, key, ct);

    /// <summary>Releases a message's share inside the caller's open transaction (a failure or a cancellation).</summary>
    public Task<CreditResult> ReleaseWithin(PmxDbContext db, CreditShare share, string key, CancellationToken ct = default) =>
        ResolveWithin(db, CreditEntryKind.Release, share, key, ct);

    private Task<CreditResult> ResolveWithin(PmxDbContext db, CreditEntryKind kind, CreditShare share, string key, CancellationToken ct)
    {
        RequirePositive(share.Credits);
        RequireOpenTransaction(db);
        RequireKey(key);
        var (posting, check) = ResolutionOf(kind, share, key);
        return PostInTransactionAsync(db, [posting], check, ct);
    }

    /// <summary>
    /// Charges several messages' shares inside the caller's open transaction, as one balance change with one entry per
    /// message (a group commit of results that arrived together). All or nothing: anything but
    /// <see cref="CreditOutcome.Posted"/> (a key already used, a message already resolved, a reservation too small)
    /// means the caller must roll back (and discard <paramref name="db"/>), and may then charge the messages one by one
    /// to learn which was refused.
    /// </summary>
    public async Task<CreditResult> ChargeManyWithin(PmxDbContext db, IReadOnlyList<(CreditShare Share, string Key)> charges,
        CancellationToken ct = default)
    {
        if (charges.Count == 0)
        {
            throw new ArgumentException("Nothing to charge.", nameof(charges));
        }
        RequireOpenTransaction(db);
        foreach (var (share, key) in charges)
        {
            RequirePositive(share.Credits);
            RequireKey(key);
        }
        var total = charges.Sum(c => c.Share.Credits);
        // The balance row first, as in every ledger write: it is the ledger's lock (see the remarks above). One change
        // for the group, counted as one version per entry.
        var group = new Posting(CreditEntryKind.Charge, -total, charges[0].Key, 0, -total);
        if (!await ApplyToBalanceAsync(db, group, ct, entries: charges.Count))
        {
            return new CreditResult(CreditOutcome.ExceedsReservation, null, 0, 0);
        }
        foreach (var campaign in charges.GroupBy(c => c.Share.CampaignId))
        {
            if (!await DrawReservationAsync(db, campaign.Key, campaign.Sum(c => c.Share.Credits), ct))
            {
                return new CreditResult(CreditOutcome.ExceedsReservation, null, 0, 0);
            }
        }
        // The entries' running totals are those of charging them one after another in this order.
        var after = await ReadBalanceAsync(db, ct);
        var reservedAfter = after.Reserved + total;
        var entries = new List<CreditLedgerEntry>(charges.Count);
        foreach (var (share, key) in charges)
        {
            reservedAfter -= share.Credits;
            var posting = new Posting(CreditEntryKind.Charge, -share.Credits, key, 0, -share.Credits)
            {
                CampaignId = share.CampaignId, MessageId = share.MessageId, Mode = share.Mode,
            };
            entries.Add(NewEntry(posting, after with { Reserved = reservedAfter }));
        }
        db.CreditLedgerEntries.AddRange(entries);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A key already used or a message already charged or released: the unique indexes on the idempotency key
            // and on the message refuse the insert. Checking first would cost two queries on every group for a case
            // that only a crashed or doubled run produces; the caller rolls back and records the messages one by one,
            // where each refusal is told apart.
            return new CreditResult(CreditOutcome.AlreadyResolved, null, 0, 0);
        }
        return new CreditResult(CreditOutcome.Posted, entries[0].Id, after.Available, after.Reserved);
    }

    private static void RequireOpenTransaction(PmxDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The caller's transaction must be open.");
        }
    }

    /// <summary>
    /// Charges an inbound reply what a text costs (<paramref name="credits"/>, from <see cref="CreditRates.Text"/>). It is
    /// always recorded, even past zero (an overdraft), because the reply was already received. STOP/HELP keywords cost
    /// nothing and write nothing.
    /// </summary>
    public async Task<CreditResult> ChargeInbound(long inboundMessageId, bool isKeyword, int credits, string key, CancellationToken ct = default)
    {
        if (isKeyword)
        {
            var balance = await GetBalance(ct);
            return new CreditResult(CreditOutcome.NotCharged, null, balance.Available, balance.Reserved);
        }
        RequirePositive(credits);
        var posting = new Posting(CreditEntryKind.Charge, -credits, key, -credits, 0)
        {
            InboundMessageId = inboundMessageId, Mode = ContactMode.Text, MayOverdraw = true,
        };
        return await PostAsync([posting], null, ct);
    }

    /// <summary>Posts a paid purchase's credits and bonus and marks it completed, all or nothing.</summary>
    public async Task<CreditResult> Credit(int purchaseId, string key, string? externalReference = null, CancellationToken ct = default)
    {
        CreditPurchase purchase;
        await using (var read = new PmxDbContext(options))
        {
            purchase = await read.CreditPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, ct)
                       ?? throw new InvalidOperationException($"Purchase {purchaseId} does not exist.");
        }
        var postings = new List<Posting>
        {
            new(CreditEntryKind.Purchase, purchase.Credits, key, purchase.Credits, 0) { PurchaseId = purchaseId },
        };
        if (purchase.BonusCredits > 0)
        {
            postings.Add(new Posting(CreditEntryKind.Bonus, purchase.BonusCredits, key + ":bonus", purchase.BonusCredits, 0)
            {
                PurchaseId = purchaseId,
            });
        }
        var result = await PostAsync(postings, async (db, cancel) =>
        {
            var now = clock.GetUtcNow();
            var completed = await db.CreditPurchases
                .Where(p => p.Id == purchaseId && p.Status == PurchaseStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, PurchaseStatus.Completed)
                    .SetProperty(p => p.CompletedUtc, now)
                    .SetProperty(p => p.ExternalReference, p => externalReference ?? p.ExternalReference), cancel);
            if (completed == 0)
            {
                return CreditOutcome.PurchaseNotPending;
            }
            db.AuditEvents.Add(NewAudit(AuditActions.PurchaseCompleted, purchaseId,
                $"{purchase.Credits}+{purchase.BonusCredits} credits via {purchase.Gateway}"));
            return null;
        }, ct);
        if (result.Outcome == CreditOutcome.Posted)
        {
            logger.LogInformation("Purchase {PurchaseId} completed: {Credits} credits and {Bonus} bonus posted",
                purchaseId, purchase.Credits, purchase.BonusCredits);
        }
        return result;
    }

    /// <summary>
    /// Takes a refunded purchase's credits and bonus back and marks it Refunded, all or nothing, once per purchase. The
    /// available balance never goes below zero unless <paramref name="mayGoNegative"/> (the administrator confirmed
    /// it); otherwise <see cref="CreditOutcome.InsufficientCredits"/> and nothing changes.
    /// </summary>
    public async Task<CreditResult> Refund(int purchaseId, string reference, string reason, bool mayGoNegative,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A refund needs a reason.", nameof(reason));
        }
        CreditPurchase purchase;
        await using (var read = new PmxDbContext(options))
        {
            purchase = await read.CreditPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, ct)
                       ?? throw new InvalidOperationException($"Purchase {purchaseId} does not exist.");
        }
        var credits = purchase.Credits + purchase.BonusCredits;
        RequirePositive(credits);
        var posting = new Posting(CreditEntryKind.Refund, -credits, CreditPurchase.RefundLedgerKey(purchaseId), -credits, 0)
        {
            PurchaseId = purchaseId, Reason = reason.Trim(), MayOverdraw = mayGoNegative,
        };
        var result = await PostAsync([posting], async (db, cancel) =>
        {
            var now = clock.GetUtcNow();
            var refunded = await db.CreditPurchases
                .Where(p => p.Id == purchaseId && p.Status == PurchaseStatus.Completed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, PurchaseStatus.Refunded)
                    .SetProperty(p => p.RefundedUtc, now)
                    .SetProperty(p => p.RefundReference, reference.Trim())
                    .SetProperty(p => p.RefundReason, reason.Trim())
                    .SetProperty(p => p.RefundedByName, actor.UserName), cancel);
            if (refunded == 0)
            {
                return CreditOutcome.PurchaseNotCompleted;
            }
            db.AuditEvents.Add(NewAudit(AuditActions.PurchaseRefunded, purchaseId,
                $"-{credits} credits via {purchase.Gateway} ({reference.Trim()}): {reason.Trim()}"));
            return null;
        }, ct);
        if (result.Outcome == CreditOutcome.Posted)
        {
            logger.LogInformation("Purchase {PurchaseId} refunded: {Credits} credits removed", purchaseId, credits);
        }
        return result;
    }

    /// <summary>A correction by an administrator. It never takes the available balance below zero.</summary>
    public Task<CreditResult> Adjust(int amount, string reason, string key, CancellationToken ct = default)
    {
        if (amount == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "An adjustment moves at least one credit.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("An adjustment needs a reason.", nameof(reason));
        }
        var posting = new Posting(CreditEntryKind.Adjustment, amount, key, amount, 0) { Reason = reason.Trim() };
        return PostAsync([posting], (db, _) =>
        {
            db.AuditEvents.Add(NewAudit(AuditActions.CreditsAdjusted, null, $"{amount:+#;-#} credits: {reason.Trim()}"));
            return Task.FromResult<CreditOutcome?>(null);
        }, ct);
    }

    public async Task<CreditBalanceSnapshot> GetBalance(CancellationToken ct = default)
    {
        await using var db = new PmxDbContext(options);
        return await ReadBalanceAsync(db, ct);
    }

    /// <summary>
    /// The committed balance read through a context the caller already has (a page's own request context), which saves
    /// building a context for one row. The read is untracked, so it sees the database, not that context's changes;
    /// inside that context's open transaction it would see the transaction's own writes, so use it outside one.
    /// </summary>
    public static Task<CreditBalanceSnapshot> ReadBalance(PmxDbContext db, CancellationToken ct = default) =>
        ReadBalanceAsync(db, ct);

    private Task<CreditResult> Resolve(CreditEntryKind kind, CreditShare share, string key, CancellationToken ct)
    {
        RequirePositive(share.Credits);
        var (posting, check) = ResolutionOf(kind, share, key);
        return PostAsync([posting], check, ct);
    }

    private static (Posting Posting, Func<PmxDbContext, CancellationToken, Task<CreditOutcome?>> Check) ResolutionOf(
        CreditEntryKind kind, CreditShare share, string key)
    {
        var amount = kind == CreditEntryKind.Charge ? -share.Credits : share.Credits;
        var availableChange = kind == CreditEntryKind.Charge ? 0 : share.Credits;
        var posting = new Posting(kind, amount, key, availableChange, -share.Credits)
        {
            CampaignId = share.CampaignId,
            MessageId = share.MessageId,
            Mode = kind == CreditEntryKind.Charge ? share.Mode : null,
        };
        return (posting, async (db, cancel) =>
        {
            // Serialized behind the balance row, so this check and the unique index on MessageId agree: one
            // resolution per message. The index is the database's own backstop.
            if (await db.CreditLedgerEntries.AnyAsync(e => e.MessageId == share.MessageId, cancel))
            {
                return CreditOutcome.AlreadyResolved;
            }
            return await DrawReservationAsync(db, share.CampaignId, share.Credits, cancel) ? null : CreditOutcome.ExceedsReservation;
        });
    }

    private async Task<CreditResult> PostAsync(IReadOnlyList<Posting> postings,
        Func<PmxDbContext, CancellationToken, Task<CreditOutcome?>>? alsoInTransaction, CancellationToken ct)
    {
        RequireKey(postings[0].Key);
        await using var db = new PmxDbContext(options);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(cancel);
            var result = await PostInTransactionAsync(db, postings, alsoInTransaction, cancel);
            if (result.Outcome == CreditOutcome.Posted)
            {
                await tx.CommitAsync(cancel);
                return result;
            }
            await tx.RollbackAsync(cancel);
            if (result.Outcome == CreditOutcome.Replayed)
            {
                return result;
            }
            var now = await ReadBalanceAsync(db, cancel);
            logger.LogInformation("Ledger {Kind} refused: {Outcome}", postings[0].Kind, result.Outcome);
            return result with { AvailableAfter = now.Available, ReservedAfter = now.Reserved };
        }, ct);
    }

    /// <summary>
    /// The body of every ledger write, on a context whose transaction is already open. It saves the entries but never
    /// commits or rolls back: on anything but <see cref="CreditOutcome.Posted"/> the transaction's owner must roll back.
    /// </summary>
    private async Task<CreditResult> PostInTransactionAsync(PmxDbContext db, IReadOnlyList<Posting> postings,
        Func<PmxDbContext, CancellationToken, Task<CreditOutcome?>>? alsoInTransaction, CancellationToken ct)
    {
        var first = postings[0];
        CreditOutcome? refused = null;
        var entries = new List<CreditLedgerEntry>(postings.Count);
        foreach (var posting in postings)
        {
            if (!await ApplyToBalanceAsync(db, posting, ct))
            {
                refused = posting.ReservedChange < 0 ? CreditOutcome.ExceedsReservation : CreditOutcome.InsufficientCredits;
                break;
            }
            entries.Add(NewEntry(posting, await ReadBalanceAsync(db, ct)));
        }

        var existing = await db.CreditLedgerEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.IdempotencyKey == first.Key, ct);
        if (existing is not null)
        {
            return Replay(existing, first);
        }
        if (refused is null && alsoInTransaction is not null)
        {
            refused = await alsoInTransaction(db, ct);
        }
        if (refused is not null)
        {
            return new CreditResult(refused.Value, null, 0, 0);
        }
        db.CreditLedgerEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        var last = entries[^1];
        return new CreditResult(CreditOutcome.Posted, entries[0].Id, last.AvailableAfter, last.ReservedAfter);
    }

    private static void RequireKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw new ArgumentException("A ledger write needs an idempotency key of at most 200 characters.", nameof(key));
        }
    }

    /// <summary>The conditional update of the balance row; <paramref name="entries"/> is how many entries it stands for.</summary>
    private static async Task<bool> ApplyToBalanceAsync(PmxDbContext db, Posting posting, CancellationToken ct, int entries = 1)
    {
        var available = posting.AvailableChange;
        var reserved = posting.ReservedChange;
        var row = db.CreditBalances.Where(b => b.Id == CreditBalance.SingletonId);
        if (available < 0 && !posting.MayOverdraw)
        {
            var needed = -available;
            row = row.Where(b => b.Available >= needed);
        }
        if (reserved < 0)
        {
            var released = -reserved;
            row = row.Where(b => b.Reserved >= released);
        }
        var updated = await row.ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Available, b => b.Available + available)
            .SetProperty(b => b.Reserved, b => b.Reserved + reserved)
            .SetProperty(b => b.Version, b => b.Version + entries), ct);
        return updated == 1;
    }

    /// <summary>Takes <paramref name="credits"/> from a campaign's outstanding reservation; false when it holds less.</summary>
    private static async Task<bool> DrawReservationAsync(PmxDbContext db, long campaignId, int credits, CancellationToken ct) =>
        await db.CreditReservations
            .Where(r => r.CampaignId == campaignId && r.Outstanding >= credits)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outstanding, r => r.Outstanding - credits), ct) == 1;

    // Compiled once: the balance is read on every page that shows the badge.
    private static readonly CompiledPerModel<Func<PmxDbContext, CancellationToken, Task<CreditBalance?>>> BalanceRow =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, CancellationToken _) =>
            db.CreditBalances.AsNoTracking().SingleOrDefault(b => b.Id == CreditBalance.SingletonId)));

    private static async Task<CreditBalanceSnapshot> ReadBalanceAsync(PmxDbContext db, CancellationToken ct)
    {
        var row = await BalanceRow.For(db)(db, ct);
        return row is null ? new CreditBalanceSnapshot(0, 0, 0) : new CreditBalanceSnapshot(row.Available, row.Reserved, row.Version);
    }

    private CreditResult Replay(CreditLedgerEntry existing, Posting requested)
    {
        if (existing.Kind != requested.Kind || existing.Amount != requested.Amount ||
            existing.PurchaseId != requested.PurchaseId || existing.CampaignId != requested.CampaignId ||
            existing.MessageId != requested.MessageId || existing.InboundMessageId != requested.InboundMessageId)
        {
            throw new IdempotencyKeyConflictException(requested.Key);
        }
        logger.LogDebug("Ledger key {Key} replayed", requested.Key);
        return new CreditResult(CreditOutcome.Replayed, existing.Id, existing.AvailableAfter, existing.ReservedAfter);
    }

    private CreditLedgerEntry NewEntry(Posting posting, CreditBalanceSnapshot after) => new()
    {
        Kind = posting.Kind,
        Amount = posting.Amount,
        AvailableAfter = after.Available,
        ReservedAfter = after.Reserved,
        IdempotencyKey = posting.Key,
        PurchaseId = posting.PurchaseId,
        CampaignId = posting.CampaignId,
        MessageId = posting.MessageId,
        InboundMessageId = posting.InboundMessageId,
        ContactMode = posting.Mode,
        Reason = posting.Reason,
        ActorUserId = actor.UserId,
        ActorName = actor.UserName,
        CreatedUtc = clock.GetUtcNow(),
    };

    private AuditEvent NewAudit(string action, int? purchaseId, string detail) => new()
    {
        OccurredUtc = clock.GetUtcNow(),
        UserId = actor.UserId,
        UserName = actor.UserName,
        IpAddress = actor.IpAddress,
        Action = action,
        EntityType = purchaseId is null ? nameof(CreditLedgerEntry) : nameof(CreditPurchase),
        EntityId = purchaseId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Detail = detail,
    };

    private static void RequirePositive(int amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Credits moved must be positive.");
        }
    }

    /// <summary>One entry to write: its kind and signed amount, and what it does to the two totals.</summary>
    private sealed record Posting(CreditEntryKind Kind, int Amount, string Key, int AvailableChange, int ReservedChange)
    {
        public int? PurchaseId { get; init; }
        public long? CampaignId { get; init; }
        public long? MessageId { get; init; }
        public long? InboundMessageId { get; init; }
        public ContactMode? Mode { get; init; }
        public string? Reason { get; init; }
        public bool MayOverdraw { get; init; }
    }
}
