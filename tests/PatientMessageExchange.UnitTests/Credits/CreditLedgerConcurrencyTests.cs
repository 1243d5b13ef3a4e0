using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.UnitTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.UnitTests.Credits;

/// <summary>
/// R19/R22: parallel senders on a database of the run's engine (a SQLite file, or PostgreSQL under READ COMMITTED with
/// truly concurrent writers). Each ledger call opens its own context and connection. A seeded Random decides every
/// amount and which senders race each other in each round; the seed is printed, and PMX_TEST_SEED replays a run.
/// </summary>
[Trait("Database", "Engine")]
public sealed class CreditLedgerConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private const int Senders = 8;
    private const int InitialBalance = 1_000;
    private const int ParallelWorkers = 16;

    private readonly SqliteFileDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    [Trait("Check", "R19")]
    [Trait("Check", "R22")]
    public async Task R19_parallel_reservations_exceeding_the_balance_never_make_it_negative_and_successes_add_up()
    {
        var seed = Seed();
        output.WriteLine($"PMX_TEST_SEED={seed}");
        var random = new Random(seed);
        var plan = Enumerable.Range(0, Senders)
            .Select(_ => new Queue<int>(Enumerable.Range(0, random.Next(4, 9)).Select(_ => random.Next(5, 80))))
            .ToArray();
        var requested = plan.Sum(q => q.Sum());
        Assert.True(requested > InitialBalance, $"the plan must ask for more than the balance (asked {requested})");
        Assert.Equal(CreditOutcome.Posted, (await _database.NewLedger().Adjust(InitialBalance, "opening", "opening")).Outcome);

        var outcomes = new List<(int Amount, CreditResult Result)>();
        var round = 0;
        while (plan.Any(q => q.Count > 0))
        {
            // The senders that race in this round, chosen by the seed; each sends its next reservation.
            var racing = Enumerable.Range(0, Senders).Where(s => plan[s].Count > 0 && random.NextDouble() < 0.7).ToList();
            if (racing.Count == 0)
            {
                racing.Add(Enumerable.Range(0, Senders).First(s => plan[s].Count > 0));
            }
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thisRound = round++;
            var tasks = racing.Select(sender =>
            {
                var amount = plan[sender].Dequeue();
                return Task.Run(async () =>
                {
                    await gate.Task;
                    var result = await _database.NewLedger().Reserve(sender + 1, amount, $"sender:{sender}:round:{thisRound}");
                    return (amount, result);
                });
            }).ToList();
            gate.SetResult();
            outcomes.AddRange(await Task.WhenAll(tasks));
        }

        var succeeded = outcomes.Where(o => o.Result.Outcome == CreditOutcome.Posted).ToList();
        var refused = outcomes.Where(o => o.Result.Outcome != CreditOutcome.Posted).ToList();
        var balance = await _database.NewLedger().GetBalance();
        output.WriteLine($"{outcomes.Count} reservations in {round} rounds asked for {requested} of {InitialBalance} credits: " +
                         $"{succeeded.Count} succeeded ({succeeded.Sum(o => o.Amount)} credits), {refused.Count} refused; " +
                         $"final available {balance.Available}, reserved {balance.Reserved}");

        Assert.All(refused, o => Assert.Equal(CreditOutcome.InsufficientCredits, o.Result.Outcome));
        Assert.True(balance.Available >= 0);
        Assert.Equal(InitialBalance, balance.Available + succeeded.Sum(o => o.Amount));
        Assert.Equal(succeeded.Sum(o => o.Amount), balance.Reserved);
        // Exactly as many succeed as the balance covers: the available balance only fell, so every refused
        // reservation asked for more than what is left even now.
        Assert.All(refused, o => Assert.True(o.Amount > balance.Available, $"{o.Amount} was refused with {balance.Available} left"));
        Assert.All(succeeded, o => Assert.True(o.Result.AvailableAfter >= 0));

        await using var db = _database.NewContext();
        var reserves = await db.CreditLedgerEntries.Where(e => e.Kind == CreditEntryKind.Reserve).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(succeeded.Count, reserves.Count);
        var running = InitialBalance;
        foreach (var entry in reserves)
        {
            running += entry.Amount;
            Assert.Equal(running, entry.AvailableAfter);
            Assert.True(entry.AvailableAfter >= 0);
        }
        var integrity = await new CreditIntegrityCheck(db, _database.Clock, NullLogger<CreditIntegrityCheck>.Instance).RunAsync();
        Assert.True(integrity.IsConsistent);
    }

    [Fact]
    [Trait("Check", "R19")]
    [Trait("Check", "R21")]
    public async Task Sixteen_parallel_reservers_and_chargers_on_their_own_connections_keep_the_ledger_exact()
    {
        const int opening = 200;
        var seed = Seed();
        var plans = Enumerable.Range(0, ParallelWorkers).Select(w =>
        {
            var random = new Random(seed + w);
            var costs = Enumerable.Range(0, random.Next(3, 11)).Select(_ => new[] { 1, 3, 5 }[random.Next(3)]).ToList();
            var charge = costs.Select(_ => random.NextDouble() < 0.7).ToList();
            return (Campaign: 100L + w, Costs: costs, Charge: charge);
        }).ToList();
        Assert.True(plans.Sum(p => p.Costs.Sum()) > opening, "the plan must ask for more than the balance");
        Assert.Equal(CreditOutcome.Posted, (await _database.NewLedger().Adjust(opening, "opening", "opening")).Outcome);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = plans.Select(plan => Task.Run(async () =>
        {
            await gate.Task;
            var reserved = await _database.NewLedger().Reserve(plan.Campaign, plan.Costs.Sum(), $"reserve:{plan.Campaign}");
            if (reserved.Outcome != CreditOutcome.Posted)
            {
                return (plan.Campaign, Reserved: reserved.Outcome, Charged: 0);
            }
            var charged = 0;
            for (var i = 0; i < plan.Costs.Count; i++)
            {
                var share = new CreditShare(plan.Campaign * 100 + i, plan.Campaign, plan.Costs[i], ContactMode.Email);
                var key = $"message:{share.MessageId}:{(plan.Charge[i] ? "charge" : "release")}";
                // Each resolution is sent twice at once, as a redelivered job would: it must post once.
                var twice = await Task.WhenAll(
                    Resolve(share, key, plan.Charge[i]), Resolve(share, key, plan.Charge[i]));
                Assert.Single(twice, r => r.Outcome == CreditOutcome.Posted);
                charged += plan.Charge[i] ? plan.Costs[i] : 0;
            }
            return (plan.Campaign, Reserved: reserved.Outcome, Charged: charged);
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(workers);

        var balance = await _database.NewLedger().GetBalance();
        var spent = outcomes.Sum(o => o.Charged);
        output.WriteLine($"PMX_TEST_SEED={seed}: {outcomes.Count(o => o.Reserved == CreditOutcome.Posted)} of {ParallelWorkers} " +
                         $"campaigns reserved, {spent} credits charged; available {balance.Available}, reserved {balance.Reserved}");
        Assert.All(outcomes.Where(o => o.Reserved != CreditOutcome.Posted), o => Assert.Equal(CreditOutcome.InsufficientCredits, o.Reserved));
        Assert.Contains(outcomes, o => o.Reserved == CreditOutcome.Posted);
        Assert.Equal((opening - spent, 0), (balance.Available, balance.Reserved));

        await using var db = _database.NewContext();
        var entries = await db.CreditLedgerEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.All(entries, e => Assert.True(e.AvailableAfter >= 0 && e.ReservedAfter >= 0, $"entry {e.Id} went below zero"));
        var resolutions = entries.Where(e => e.Kind is CreditEntryKind.Charge or CreditEntryKind.Release).ToList();
        Assert.Equal(resolutions.Count, resolutions.Select(e => e.MessageId).Distinct().Count());
        var integrity = await new CreditIntegrityCheck(db, _database.Clock, NullLogger<CreditIntegrityCheck>.Instance).RunAsync();
        Assert.True(integrity.IsConsistent);
    }

    [Fact]
    [Trait("Check", "R20")]
    public async Task Purchases_marked_paid_concurrently_are_credited_once_each()
    {
        var purchases = new List<CreditPurchase>();
        await using (var db = _database.NewContext())
        {
            for (var i = 0; i < 4; i++)
            {
                purchases.Add(new CreditPurchase
                {
                    PlanId = 2, PlanName = "Plan 2", Credits = 4_000, BonusCredits = 100 * i, PriceCents = 16_000,
                    Gateway = "Invoice", Status = PurchaseStatus.Pending, CreatedUtc = _database.Clock.GetUtcNow(),
                });
            }
            db.CreditPurchases.AddRange(purchases);
            await db.SaveChangesAsync();
        }

        // Four administrators press "mark paid" on each of the four invoices at the same moment.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = purchases.SelectMany(p => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return (p.Id, (await _database.NewLedger().Credit(p.Id, CreditPurchase.LedgerKey(p.Id), "WIRE")).Outcome);
        }))).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.All(purchases, p => Assert.Single(results, r => r.Id == p.Id && r.Outcome == CreditOutcome.Posted));
        var balance = await _database.NewLedger().GetBalance();
        Assert.Equal(purchases.Sum(p => p.Credits + p.BonusCredits), balance.Available);
        await using var check = _database.NewContext();
        Assert.All(await check.CreditPurchases.AsNoTracking().ToListAsync(), p => Assert.Equal(PurchaseStatus.Completed, p.Status));
        Assert.Equal(4, await check.CreditLedgerEntries.CountAsync(e => e.Kind == CreditEntryKind.Purchase));
        Assert.True((await new CreditIntegrityCheck(check, _database.Clock, NullLogger<CreditIntegrityCheck>.Instance).RunAsync()).IsConsistent);
    }

    private Task<CreditResult> Resolve(CreditShare share, string key, bool charge) =>
        charge ? _database.NewLedger().Charge(share, key) : _database.NewLedger().Release(share, key);

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("PMX_TEST_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
}
