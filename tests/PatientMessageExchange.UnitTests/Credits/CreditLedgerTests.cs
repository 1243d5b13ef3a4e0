using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Credits;

[Trait("Database", "Engine")]
public sealed class CreditLedgerTests : IDisposable
{
    private readonly SqliteFileDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Reserve_moves_credits_from_available_to_reserved_and_records_the_totals_after()
    {
        var ledger = await FundedLedgerAsync(1_000);

        var result = await ledger.Reserve(campaignId: 7, amount: 300, key: "campaign:7");

        Assert.Equal(CreditOutcome.Posted, result.Outcome);
        Assert.Equal(new CreditBalanceSnapshot(700, 300, 2), await ledger.GetBalance());
        await using var db = _database.NewContext();
        var entry = await db.CreditLedgerEntries.SingleAsync(e => e.IdempotencyKey == "campaign:7");
        Assert.Equal((CreditEntryKind.Reserve, -300, 700, 300, 7L), (entry.Kind, entry.Amount, entry.AvailableAfter, entry.ReservedAfter, entry.CampaignId!.Value));
        Assert.Equal(_database.Clock.GetUtcNow(), entry.CreatedUtc);
    }

    [Fact]
    public async Task Reserve_beyond_the_available_balance_is_refused_and_writes_nothing()
    {
        var ledger = await FundedLedgerAsync(100);

        var result = await ledger.Reserve(1, 101, "campaign:1");

        Assert.Equal(CreditOutcome.InsufficientCredits, result.Outcome);
        Assert.Equal(100, (await ledger.GetBalance()).Available);
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.CreditLedgerEntries.CountAsync());
        Assert.Empty(db.CreditReservations);
    }

    [Fact]
    [Trait("Check", "R20")]
    public async Task R20_a_replayed_reservation_returns_the_first_result_and_writes_nothing()
    {
        var ledger = await FundedLedgerAsync(1_000);
        var first = await ledger.Reserve(3, 250, "campaign:3");

        var replay = await ledger.Reserve(3, 250, "campaign:3");

        Assert.Equal(CreditOutcome.Replayed, replay.Outcome);
        Assert.Equal((first.EntryId, first.AvailableAfter, first.ReservedAfter), (replay.EntryId, replay.AvailableAfter, replay.ReservedAfter));
        Assert.Equal(new CreditBalanceSnapshot(750, 250, 2), await ledger.GetBalance());
        await using var db = _database.NewContext();
        Assert.Equal(2, await db.CreditLedgerEntries.CountAsync());
        Assert.Equal(250, (await db.CreditReservations.SingleAsync()).Outstanding);
    }

    [Fact]
    [Trait("Check", "R20")]
    public async Task R20_a_replay_still_returns_the_first_result_after_the_balance_ran_out()
    {
        var ledger = await FundedLedgerAsync(300);
        var first = await ledger.Reserve(3, 300, "campaign:3");

        var replay = await ledger.Reserve(3, 300, "campaign:3");

        Assert.Equal(CreditOutcome.Replayed, replay.Outcome);
        Assert.Equal(first.EntryId, replay.EntryId);
    }

    [Fact]
    [Trait("Check", "R20")]
    public async Task R20_the_same_key_with_a_different_amount_is_an_error_and_writes_nothing()
    {
        var ledger = await FundedLedgerAsync(1_000);
        await ledger.Reserve(3, 250, "campaign:3");

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => ledger.Reserve(3, 251, "campaign:3"));

        Assert.Equal(new CreditBalanceSnapshot(750, 250, 2), await ledger.GetBalance());
    }

    [Fact]
    [Trait("Check", "R20")]
    public async Task R20_a_replayed_charge_returns_the_first_result()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 10, "campaign:1");
        var share = new CreditShare(MessageId: 11, CampaignId: 1, Credits: 3, ContactMode.Text);
        var first = await ledger.Charge(share, "message:11:charge");

        var replay = await ledger.Charge(share, "message:11:charge");

        Assert.Equal(CreditOutcome.Replayed, replay.Outcome);
        Assert.Equal(first.EntryId, replay.EntryId);
        Assert.Equal(new CreditBalanceSnapshot(90, 7, 3), await ledger.GetBalance());
    }

    [Fact]
    public async Task Charge_spends_the_reserved_share_and_leaves_available_alone()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 6, "campaign:1");

        var result = await ledger.Charge(new CreditShare(21, 1, 5, ContactMode.Phone), "message:21:charge");

        Assert.Equal(CreditOutcome.Posted, result.Outcome);
        Assert.Equal((94, 1), (result.AvailableAfter, result.ReservedAfter));
        await using var db = _database.NewContext();
        var entry = await db.CreditLedgerEntries.SingleAsync(e => e.MessageId == 21);
        Assert.Equal((CreditEntryKind.Charge, -5, ContactMode.Phone), (entry.Kind, entry.Amount, entry.ContactMode!.Value));
    }

    [Fact]
    public async Task Release_returns_the_share_to_available()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 6, "campaign:1");

        var result = await ledger.Release(new CreditShare(21, 1, 5, ContactMode.Phone), "message:21:release");

        Assert.Equal(CreditOutcome.Posted, result.Outcome);
        Assert.Equal((99, 1), (result.AvailableAfter, result.ReservedAfter));
    }

    [Fact]
    [Trait("Check", "R21")]
    public async Task R21_a_charged_share_can_not_also_be_released()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 10, "campaign:1");
        var share = new CreditShare(31, 1, 3, ContactMode.Text);
        await ledger.Charge(share, "message:31:charge");

        var release = await ledger.Release(share, "message:31:release");

        Assert.Equal(CreditOutcome.AlreadyResolved, release.Outcome);
        Assert.Equal(new CreditBalanceSnapshot(90, 7, 3), await ledger.GetBalance());
    }

    [Fact]
    [Trait("Check", "R21")]
    public async Task R21_a_share_is_not_charged_twice_under_two_keys()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 10, "campaign:1");
        var share = new CreditShare(31, 1, 3, ContactMode.Text);
        await ledger.Charge(share, "message:31:charge:attempt-1");

        var again = await ledger.Charge(share, "message:31:charge:attempt-2");

        Assert.Equal(CreditOutcome.AlreadyResolved, again.Outcome);
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.CreditLedgerEntries.CountAsync(e => e.MessageId == 31));
    }

    [Fact]
    [Trait("Check", "R21")]
    public async Task R21_concurrent_charge_and_release_of_one_share_resolve_it_once()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 10, "campaign:1");
        var share = new CreditShare(41, 1, 5, ContactMode.Phone);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0
            ? _database.NewLedger().Charge(share, $"charge:{i}")
            : _database.NewLedger().Release(share, $"release:{i}"))));

        Assert.Single(results, r => r.Outcome == CreditOutcome.Posted);
        Assert.All(results.Where(r => r.Outcome != CreditOutcome.Posted), r => Assert.Equal(CreditOutcome.AlreadyResolved, r.Outcome));
        Assert.Equal(5, (await ledger.GetBalance()).Reserved);
    }

    [Fact]
    public async Task A_share_larger_than_what_its_campaign_still_holds_is_refused()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 4, "campaign:1");
        await ledger.Reserve(2, 10, "campaign:2");

        var result = await ledger.Charge(new CreditShare(51, 1, 5, ContactMode.Phone), "message:51:charge");

        Assert.Equal(CreditOutcome.ExceedsReservation, result.Outcome);
        Assert.Equal(new CreditBalanceSnapshot(86, 14, 3), await ledger.GetBalance());
    }

    [Fact]
    public async Task An_inbound_text_reply_costs_three_credits_and_may_overdraw()
    {
        var ledger = await FundedLedgerAsync(2);

        var result = await ledger.ChargeInbound(inboundMessageId: 900, isKeyword: false, CreditRates.TextMessage, key: "inbound:900");

        Assert.Equal(CreditOutcome.Posted, result.Outcome);
        var balance = await ledger.GetBalance();
        Assert.Equal(-1, balance.Available);
        Assert.True(balance.IsOverdrawn);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("HELP")]
    public async Task STOP_and_HELP_replies_are_free(string keyword)
    {
        var ledger = await FundedLedgerAsync(10);
        Assert.NotEmpty(keyword);

        var result = await ledger.ChargeInbound(901, isKeyword: true, CreditRates.TextMessage, key: "inbound:901");

        Assert.Equal(CreditOutcome.NotCharged, result.Outcome);
        Assert.Equal(10, (await ledger.GetBalance()).Available);
        await using var db = _database.NewContext();
        Assert.False(await db.CreditLedgerEntries.AnyAsync(e => e.InboundMessageId == 901));
    }

    [Fact]
    public async Task Outbound_reservations_never_dip_into_an_overdraft()
    {
        var ledger = await FundedLedgerAsync(2);
        await ledger.ChargeInbound(900, false, CreditRates.TextMessage, "inbound:900");

        var result = await ledger.Reserve(1, 1, "campaign:1");

        Assert.Equal(CreditOutcome.InsufficientCredits, result.Outcome);
    }

    [Fact]
    public async Task A_negative_adjustment_can_not_take_the_balance_below_zero()
    {
        var ledger = await FundedLedgerAsync(10);

        var result = await ledger.Adjust(-11, "correction", "adjust:2");

        Assert.Equal(CreditOutcome.InsufficientCredits, result.Outcome);
        Assert.Equal(10, (await ledger.GetBalance()).Available);
    }

    [Fact]
    public async Task Credit_posts_the_purchase_and_its_bonus_under_the_purchase_key_and_completes_it()
    {
        var ledger = _database.NewLedger();
        var purchaseId = await AddPurchaseAsync(4_000, 100);

        var result = await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId), "INV-1");
        var replay = await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId), "INV-1");

        Assert.Equal((CreditOutcome.Posted, CreditOutcome.Replayed), (result.Outcome, replay.Outcome));
        Assert.Equal(4_100, (await ledger.GetBalance()).Available);
        await using var db = _database.NewContext();
        var entries = await db.CreditLedgerEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [(CreditEntryKind.Purchase, 4_000, $"purchase:{purchaseId}"), (CreditEntryKind.Bonus, 100, $"purchase:{purchaseId}:bonus")],
            entries.Select(e => (e.Kind, e.Amount, e.IdempotencyKey)));
        var purchase = await db.CreditPurchases.SingleAsync();
        Assert.Equal((PurchaseStatus.Completed, "INV-1"), (purchase.Status, purchase.ExternalReference));
        Assert.Single(db.AuditEvents, a => a.Action == "credits.purchase-completed");
    }

    [Fact]
    public async Task Credit_refuses_a_purchase_that_failed()
    {
        var ledger = _database.NewLedger();
        var purchaseId = await AddPurchaseAsync(1_500, 0, PurchaseStatus.Failed);

        var result = await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId));

        Assert.Equal(CreditOutcome.PurchaseNotPending, result.Outcome);
        Assert.Equal(0, (await ledger.GetBalance()).Available);
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task R18_changing_an_entry_through_the_DbContext_throws()
    {
        await FundedLedgerAsync(10);
        await using var db = _database.NewContext();
        var entry = await db.CreditLedgerEntries.FirstAsync();

        entry.Amount = 1_000_000;

        await Assert.ThrowsAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task R18_deleting_an_entry_through_the_DbContext_throws()
    {
        await FundedLedgerAsync(10);
        await using var db = _database.NewContext();
        db.CreditLedgerEntries.Remove(await db.CreditLedgerEntries.FirstAsync());

        await Assert.ThrowsAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    [Trait("Check", "R18")]
    public void R18_the_ledger_service_offers_no_way_to_change_or_remove_an_entry()
    {
        var writers = typeof(CreditLedger).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(m => m.DeclaringType == typeof(CreditLedger)).Select(m => m.Name).Order().ToList();

        Assert.Equal(["Adjust", "Charge", "ChargeInbound", "ChargeManyWithin", "ChargeWithin", "Credit", "GetBalance", "Refund", "Release", "ReleaseWithin", "Reserve", "ReserveWithin"], writers);
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task R18_the_integrity_check_agrees_after_every_kind_of_entry()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 20, "campaign:1");
        await ledger.Charge(new CreditShare(1, 1, 5, ContactMode.Phone), "m1");
        await ledger.Release(new CreditShare(2, 1, 3, ContactMode.Text), "m2");
        await ledger.ChargeInbound(3, false, CreditRates.TextMessage, "i3");
        await ledger.Adjust(-2, "correction", "adj");

        var report = await IntegrityCheck().RunAsync();

        Assert.True(report.IsConsistent);
        Assert.Equal((78L, 12L), (report.ExpectedAvailable, report.ExpectedReserved));
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task R18_the_integrity_check_raises_an_alert_when_the_balance_row_was_tampered_with()
    {
        await FundedLedgerAsync(100);
        await using (var db = _database.NewContext())
        {
            await db.CreditBalances.ExecuteUpdateAsync(s => s.SetProperty(b => b.Available, 5_000));
        }

        var report = await IntegrityCheck().RunAsync();

        Assert.False(report.IsConsistent);
        Assert.Equal((100L, 5_000), (report.ExpectedAvailable, report.BalanceAvailable));
    }

    [Fact]
    [Trait("Check", "R21")]
    public async Task A_group_charge_writes_one_entry_per_message_with_running_totals_and_keeps_the_ledger_consistent()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 20, "campaign:1");

        var result = await ChargeManyAsync(ledger,
            (new CreditShare(11, 1, 1, ContactMode.Email), "charge:11"),
            (new CreditShare(12, 1, 3, ContactMode.Text), "charge:12"),
            (new CreditShare(13, 1, 5, ContactMode.Phone), "charge:13"));

        Assert.Equal((CreditOutcome.Posted, 80, 11), (result.Outcome, result.AvailableAfter, result.ReservedAfter));
        await using (var db = _database.NewContext())
        {
            var entries = await db.CreditLedgerEntries.AsNoTracking().Where(e => e.Kind == CreditEntryKind.Charge)
                .OrderBy(e => e.Id).Select(e => new { e.MessageId, e.Amount, e.ReservedAfter, e.AvailableAfter, e.ContactMode }).ToListAsync();
            Assert.Equal([11L, 12L, 13L], entries.Select(e => e.MessageId!.Value));
            Assert.Equal([-1, -3, -5], entries.Select(e => e.Amount));
            Assert.Equal([19, 16, 11], entries.Select(e => e.ReservedAfter));
            Assert.All(entries, e => Assert.Equal(80, e.AvailableAfter));
            Assert.Equal(11, (await db.CreditReservations.SingleAsync(r => r.CampaignId == 1)).Outstanding);
        }
        Assert.Equal(new CreditBalanceSnapshot(80, 11, 5), await ledger.GetBalance());
        Assert.True((await IntegrityCheck().RunAsync()).IsConsistent);
    }

    [Fact]
    [Trait("Check", "R21")]
    public async Task A_group_charge_is_refused_whole_when_one_message_was_already_resolved_or_its_key_was_used()
    {
        var ledger = await FundedLedgerAsync(100);
        await ledger.Reserve(1, 20, "campaign:1");
        await ledger.Release(new CreditShare(12, 1, 3, ContactMode.Text), "release:12");
        var before = await ledger.GetBalance();

        var resolved = await ChargeManyAsync(ledger,
            (new CreditShare(11, 1, 1, ContactMode.Email), "charge:11"),
            (new CreditShare(12, 1, 3, ContactMode.Text), "charge:12"));
        var replayed = await ChargeManyAsync(ledger, (new CreditShare(14, 1, 1, ContactMode.Email), "release:12"));
        var tooMuch = await ChargeManyAsync(ledger, (new CreditShare(15, 1, 18, ContactMode.Email), "charge:15"));

        Assert.Equal(CreditOutcome.AlreadyResolved, resolved.Outcome);
        Assert.Equal(CreditOutcome.AlreadyResolved, replayed.Outcome);
        Assert.Equal(CreditOutcome.ExceedsReservation, tooMuch.Outcome);
        Assert.Equal(before, await ledger.GetBalance());
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.CreditLedgerEntries.CountAsync(e => e.Kind == CreditEntryKind.Charge));
        Assert.True((await IntegrityCheck().RunAsync()).IsConsistent);
    }

    /// <summary>Runs a group charge as the dispatcher does: in its own transaction, committed only when posted.</summary>
    private async Task<CreditResult> ChargeManyAsync(CreditLedger ledger, params (CreditShare, string)[] charges)
    {
        await using var db = _database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await ledger.ChargeManyWithin(db, charges);
        if (result.Outcome == CreditOutcome.Posted)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return result;
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task A_refund_takes_back_the_purchase_and_its_bonus_once_marks_it_refunded_and_the_check_agrees()
    {
        var ledger = _database.NewLedger();
        var purchaseId = await AddPurchaseAsync(4_000, 100);
        await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId), "INV-1");
        await ledger.Adjust(50, "correction", "adj");

        var refunded = await ledger.Refund(purchaseId, "CN-7", "customer asked", mayGoNegative: false);
        var again = await ledger.Refund(purchaseId, "CN-7", "customer asked", mayGoNegative: false);

        Assert.Equal((CreditOutcome.Posted, CreditOutcome.Replayed), (refunded.Outcome, again.Outcome));
        Assert.Equal(50, (await ledger.GetBalance()).Available);
        await using var db = _database.NewContext();
        var entry = await db.CreditLedgerEntries.SingleAsync(e => e.Kind == CreditEntryKind.Refund);
        Assert.Equal((-4_100, purchaseId, "customer asked", 50), (entry.Amount, entry.PurchaseId!.Value, entry.Reason, entry.AvailableAfter));
        var purchase = await db.CreditPurchases.SingleAsync();
        Assert.Equal((PurchaseStatus.Refunded, "CN-7", "customer asked"), (purchase.Status, purchase.RefundReference, purchase.RefundReason));
        Assert.Equal(_database.Clock.GetUtcNow(), purchase.RefundedUtc);
        Assert.Single(db.AuditEvents, a => a.Action == Core.Audit.AuditActions.PurchaseRefunded);
        var report = await IntegrityCheck().RunAsync();
        Assert.True(report.IsConsistent, report.ToString());
        Assert.Equal(50L, report.ExpectedAvailable);
    }

    [Fact]
    public async Task A_refund_that_would_take_the_balance_below_zero_is_refused_without_confirmation_and_changes_nothing()
    {
        var ledger = _database.NewLedger();
        var purchaseId = await AddPurchaseAsync(1_000, 0);
        await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId));
        await ledger.Reserve(1, 400, "campaign:1");

        var refused = await ledger.Refund(purchaseId, "CN-1", "duplicate order", mayGoNegative: false);

        Assert.Equal(CreditOutcome.InsufficientCredits, refused.Outcome);
        await using (var db = _database.NewContext())
        {
            Assert.Equal(PurchaseStatus.Completed, (await db.CreditPurchases.SingleAsync()).Status);
            Assert.False(await db.CreditLedgerEntries.AnyAsync(e => e.Kind == CreditEntryKind.Refund));
        }
        Assert.Equal(new CreditBalanceSnapshot(600, 400, 2), await ledger.GetBalance());

        var confirmed = await ledger.Refund(purchaseId, "CN-1", "duplicate order", mayGoNegative: true);

        Assert.Equal(CreditOutcome.Posted, confirmed.Outcome);
        Assert.Equal((-400, 400), ((await ledger.GetBalance()).Available, (await ledger.GetBalance()).Reserved));
        Assert.True((await IntegrityCheck().RunAsync()).IsConsistent);
    }

    [Theory]
    [InlineData(PurchaseStatus.Pending)]
    [InlineData(PurchaseStatus.Failed)]
    public async Task Only_a_completed_purchase_can_be_refunded(PurchaseStatus status)
    {
        var ledger = await FundedLedgerAsync(10_000);
        var purchaseId = await AddPurchaseAsync(1_000, 0, status);

        var result = await ledger.Refund(purchaseId, "CN-1", "mistake", mayGoNegative: true);

        Assert.Equal(CreditOutcome.PurchaseNotCompleted, result.Outcome);
        Assert.Equal(10_000, (await ledger.GetBalance()).Available);
    }

    private CreditIntegrityCheck IntegrityCheck() =>
        new(_database.NewContext(), _database.Clock, NullLogger<CreditIntegrityCheck>.Instance);

    private async Task<CreditLedger> FundedLedgerAsync(int credits)
    {
        var ledger = _database.NewLedger();
        var funded = await ledger.Adjust(credits, "opening balance for the test", "opening");
        Assert.Equal(CreditOutcome.Posted, funded.Outcome);
        return ledger;
    }

    private async Task<int> AddPurchaseAsync(int credits, int bonus, PurchaseStatus status = PurchaseStatus.Pending)
    {
        await using var db = _database.NewContext();
        var purchase = new CreditPurchase
        {
            PlanId = 2, PlanName = "Plan 2", Credits = credits, BonusCredits = bonus, PriceCents = 16_000,
            Gateway = "Invoice", Status = status, CreatedUtc = _database.Clock.GetUtcNow(),
        };
        db.CreditPurchases.Add(purchase);
        await db.SaveChangesAsync();
        return purchase.Id;
    }
}
