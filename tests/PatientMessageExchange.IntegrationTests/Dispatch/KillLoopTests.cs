using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

/// <summary>
/// The kill loop of R14: 1,000 deliveries across email, text and phone, sent by a separate worker process that is killed
/// with SIGKILL at five seeded points and restarted each time. Emails go to a real SMTP server on loopback; texts and calls
/// go through the real Twilio SDK to <see cref="FakeTwilioApi"/>. Set PMX_TEST_SEED to replay a run's kill points.
/// </summary>
public sealed class KillLoopTests(ITestOutputHelper output)
{
    private const int LeaseSeconds = 10;
    private const int Emails = 700;
    private const int Texts = 200;
    private const int Calls = 100;
    private const int Total = Emails + Texts + Calls;
    private const int Funding = 1500;
    private const int Kills = 5;

    /// <summary>Kill points are at least this many deliveries apart, so each restarted worker sends before it dies again.</summary>
    private const int MinimumGap = 60;

    [Fact]
    [Trait("Check", "R14")]
    public async Task R14_a_worker_killed_five_times_across_1000_mixed_deliveries_ends_with_every_message_final_and_charged_once()
    {
        var seed = Environment.GetEnvironmentVariable("PMX_TEST_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var thresholds = KillPoints(new Random(seed));
        output.WriteLine($"Seed {seed} (replay with PMX_TEST_SEED={seed}); kill at deliveries {string.Join(", ", thresholds)} of {Total}.");
        var stopwatch = Stopwatch.StartNew();

        using var api = new FakeTwilioApi();
        await using var harness = await DispatchHarness.StartAsync(credits: Funding, settings: new Dictionary<string, string?>
        {
            // This process only creates the campaign; the worker processes send it.
            ["Hosting:Role"] = "Web",
        });
        harness.Sink.DataDelay = TimeSpan.FromMilliseconds(10);
        var created = await harness.CreateAsync(MixedCampaign.Draft(Emails, Texts, Calls));
        Assert.True(created.Succeeded, created.Refusal);
        var campaignId = created.CampaignId!.Value;
        var settings = MixedCampaign.WorkerSettings(harness, api, LeaseSeconds, textsPerSecond: 10, callsPerSecond: 5);
        int Delivered() => harness.Sink.Received.Count + api.Created.Count;

        foreach (var threshold in thresholds)
        {
            using (var worker = WorkerProcess.Start(settings))
            {
                await WaitUntilAsync(() => Task.FromResult(Delivered() >= threshold), $"the worker to deliver {threshold} messages");
                worker.Kill();
            }
            var emails = harness.Sink.Received.Count;
            var calls = api.Created.Count(c => !c.IsMessage);
            var texts = api.Created.Count - calls;
            output.WriteLine($"SIGKILL at {emails + texts + calls} deliveries (threshold {threshold}): " +
                             $"{emails} emails, {texts} texts, {calls} calls; {stopwatch.Elapsed.TotalSeconds:F1} s.");
            Assert.True(emails + texts + calls < Total, "The worker finished before it could be killed; slow the sink or the pacing down.");

            // The dead worker's batch and message leases must run out before another worker may take its work over.
            await Task.Delay(TimeSpan.FromSeconds(LeaseSeconds + 1));
        }
        using (WorkerProcess.Start(settings))
        {
            await WaitUntilAsync(async () => (await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)))
                .Status == CampaignStatus.Completed, "the last worker to finish the campaign");
        }
        output.WriteLine($"Campaign completed after {stopwatch.Elapsed.TotalSeconds:F1} s.");

        // Every message is in exactly one final state, and nothing went missing on the way.
        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(Total, messages.Count);
        Assert.All(messages, m => Assert.True(m.Status.IsFinal(), $"Message {m.Id} ended in {m.Status}."));
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));

        // Charges = sent × cost: one Charge per charged message, none for the rest, and no message both charged and released.
        var ledger = await harness.QueryAsync(db => db.CreditLedgerEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var charges = ledger.Where(e => e.CampaignId == campaignId && e.Kind == CreditEntryKind.Charge).ToList();
        var releases = ledger.Where(e => e.CampaignId == campaignId && e.Kind == CreditEntryKind.Release).ToList();
        var charged = messages.Where(m => m.Status.IsCharged()).ToList();
        Assert.Equal(charges.Count, charges.Select(c => c.MessageId).Distinct().Count());
        Assert.Equal(charged.Select(m => (long?)m.Id).Order(), charges.Select(c => c.MessageId).Order());
        Assert.Empty(releases.Select(r => r.MessageId).Intersect(charges.Select(c => c.MessageId)));
        Assert.Equal(charged.Sum(m => m.Cost), charges.Sum(c => -c.Amount));
        Assert.Equal(MixedCampaign.Cost(Emails, Texts, Calls), charges.Sum(c => -c.Amount));

        // The balance never went negative, the entries add up to it, and it ends where the costs say.
        Assert.All(ledger, e => Assert.True(e.AvailableAfter >= 0 && e.ReservedAfter >= 0,
            $"Ledger entry {e.Id} ({e.Kind}) left {e.AvailableAfter} available, {e.ReservedAfter} reserved."));
        Assert.True((await harness.IntegrityAsync()).IsConsistent);
        var balance = await harness.BalanceAsync();
        Assert.Equal((Funding - charged.Sum(m => m.Cost), 0), (balance.Available, balance.Reserved));

        // Every patient got their message; at most the in-flight one per kill went twice.
        var emailTo = harness.Sink.Received.Select(r => r.Recipients.Single()).ToList();
        var textTo = api.Created.Where(c => c.IsMessage).Select(c => c.To).ToList();
        var callTo = api.Created.Where(c => !c.IsMessage).Select(c => c.To).ToList();
        Assert.Equal((Emails, Texts, Calls), (emailTo.Distinct().Count(), textTo.Distinct().Count(), callTo.Distinct().Count()));
        var duplicates = (Email: emailTo.Count - Emails, Text: textTo.Count - Texts, Call: callTo.Count - Calls);
        output.WriteLine($"Duplicates: {duplicates.Email} emails, {duplicates.Text} texts, {duplicates.Call} calls " +
                         $"({emailTo.Count + textTo.Count + callTo.Count} deliveries for {Total} messages); " +
                         $"Twilio lookups: {api.Lookups}; {stopwatch.Elapsed.TotalSeconds:F1} s in all.");
        // Texts and calls in flight at a kill are found at Twilio and never resent. An email can't be looked up, so each
        // email in flight at a kill may go twice: one per email sender running then. A worker has three job slots and
        // one sender per email batch, so once the text and call batches are done up to three email batches, and three
        // emails, are in flight at once.
        Assert.Equal((0, 0), (duplicates.Text, duplicates.Call));
        Assert.InRange(duplicates.Email, 0, Kills * MixedCampaign.JobSlots);
    }

    /// <summary>Five delivered-count thresholds between 10% and 90% of the total, at least <see cref="MinimumGap"/> apart.</summary>
    private static List<int> KillPoints(Random random)
    {
        while (true)
        {
            var points = Enumerable.Range(0, Kills).Select(_ => random.Next(Total / 10, Total * 9 / 10 + 1)).Order().ToList();
            if (points.Zip(points.Skip(1), (a, b) => b - a).All(gap => gap >= MinimumGap))
            {
                return points;
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(25);
        }
    }
}
