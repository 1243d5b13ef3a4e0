using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.UnitTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.UnitTests.Credits;

/// <summary>
/// R19/R22: parallel senders on a SQLite file. A seeded Random decides every amount and which senders race each other
/// in each round; the seed is printed, and PMX_TEST_SEED replays a run.
/// </summary>
public sealed class CreditLedgerConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private const int Senders = 8;
    private const int InitialBalance = 1_000;

    private readonly SqliteFileDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    [Trait("Check", "R19")]
    [Trait("Check", "R22")]
    public async Task R19_parallel_reservations_exceeding_the_balance_never_make_it_negative_and_successes_add_up()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PMX_TEST_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
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
}
