using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int LeaseSeconds = 10;

    [Fact]
    [Trait("Check", "R14")]
    public async Task R14_a_worker_killed_mid_campaign_and_restarted_loses_nothing_and_charges_nothing_twice()
    {
        // The web side (this process) creates the campaign and runs no jobs; separate worker processes send it.
        await using var harness = await DispatchHarness.StartAsync(credits: 1000, settings: new Dictionary<string, string?>
        {
            ["Hosting:Role"] = "Web",
        });
        harness.Sink.DataDelay = TimeSpan.FromMilliseconds(15);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(300));
        var campaignId = created.CampaignId!.Value;
        var settings = WorkerSettings(harness, concurrency: 1);

        using (var first = WorkerProcess.Start(settings))
        {
            await WaitUntilAsync(() => Task.FromResult(harness.Sink.Received.Count >= 100), "the first worker to send 100 messages");
            first.Kill();
        }
        var receivedAtKill = harness.Sink.Received.Count;
        output.WriteLine($"Killed the first worker after {receivedAtKill} messages arrived.");
        Assert.True(receivedAtKill < 300, "The worker finished before it could be killed; slow the sink down.");

        // The crashed worker's leases must run out before another may take its work over.
        await Task.Delay(TimeSpan.FromSeconds(LeaseSeconds + 1));
        using (WorkerProcess.Start(settings))
        {
            await WaitUntilAsync(async () => (await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)))
                .Status == CampaignStatus.Completed, "the second worker to finish the campaign");
        }

        var messages = await harness.MessagesAsync(campaignId);
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        var charges = await harness.QueryAsync(db => db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.CampaignId == campaignId && e.Kind == CreditEntryKind.Charge).ToListAsync());
        Assert.Equal(300, charges.Count);
        Assert.Equal(300, charges.Select(c => c.MessageId).Distinct().Count());
        Assert.Equal(messages.Sum(m => m.Cost), charges.Sum(c => -c.Amount));
        var recipients = harness.Sink.Received.Select(r => r.Recipients.Single()).ToList();
        Assert.Equal(300, recipients.Distinct().Count());
        var repeated = recipients.Count - 300;
        output.WriteLine($"{recipients.Count} emails arrived for 300 messages: {repeated} repeated.");
        Assert.InRange(repeated, 0, 1);
        Assert.True((await harness.IntegrityAsync()).IsConsistent);
        Assert.Equal((700, 0), ((await harness.BalanceAsync()).Available, (await harness.BalanceAsync()).Reserved));
    }

    [Fact]
    [Trait("Check", "R15")]
    public async Task Two_worker_processes_on_one_database_send_every_message_exactly_once()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 1000, settings: new Dictionary<string, string?>
        {
            ["Hosting:Role"] = "Web",
        });
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(600));
        var campaignId = created.CampaignId!.Value;
        var settings = WorkerSettings(harness, concurrency: 4);

        // Each worker's start-up sweep hands every due batch to its own in-memory queue, so both go for all of them.
        using (WorkerProcess.Start(settings))
        using (WorkerProcess.Start(settings))
        {
            await WaitUntilAsync(async () => (await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)))
                .Status == CampaignStatus.Completed, "two workers to finish the campaign");
        }

        var recipients = harness.Sink.Received.Select(r => r.Recipients.Single()).ToList();
        output.WriteLine($"{recipients.Count} emails arrived for 600 messages.");
        Assert.Equal(600, recipients.Count);
        Assert.Equal(600, recipients.Distinct().Count());
        var charges = await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.CampaignId == campaignId && e.Kind == CreditEntryKind.Charge));
        Assert.Equal(600, charges);
        var runs = await harness.QueryAsync(db => db.DispatchBatches.Where(b => b.CampaignId == campaignId).SumAsync(b => b.Runs));
        output.WriteLine($"Batch runs claimed: {runs} for 3 batches.");
        Assert.True((await harness.IntegrityAsync()).IsConsistent);
    }

    private static Dictionary<string, string> WorkerSettings(DispatchHarness harness, int concurrency) =>
        MixedCampaign.EmailWorkerSettings(harness, LeaseSeconds, concurrency);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    [Trait("Check", "R15")]
    public async Task Two_worker_processes_send_a_mixed_campaign_of_2000_exactly_once_and_charge_each_message_once()
    {
        const int emails = 1400, texts = 400, calls = 200, total = emails + texts + calls;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using var api = new FakeTwilioApi();
        await using var harness = await DispatchHarness.StartAsync(credits: 5000, settings: new Dictionary<string, string?>
        {
            ["Hosting:Role"] = "Web",
        });
        var created = await harness.CreateAsync(MixedCampaign.Draft(emails, texts, calls));
        Assert.True(created.Succeeded, created.Refusal);
        var campaignId = created.CampaignId!.Value;
        var settings = MixedCampaign.WorkerSettings(harness, api, LeaseSeconds, textsPerSecond: 40, callsPerSecond: 20);

        using (WorkerProcess.Start(settings))
        using (WorkerProcess.Start(settings))
        {
            await WaitUntilAsync(async () => (await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)))
                .Status == CampaignStatus.Completed, "two workers to finish the mixed campaign");
        }

        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(total, messages.Count);
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        var emailTo = harness.Sink.Received.Select(r => r.Recipients.Single()).ToList();
        var textTo = api.Created.Where(c => c.IsMessage).Select(c => c.To).ToList();
        var callTo = api.Created.Where(c => !c.IsMessage).Select(c => c.To).ToList();
        var charges = await harness.QueryAsync(db => db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.CampaignId == campaignId && e.Kind == CreditEntryKind.Charge).ToListAsync());
        var runs = await harness.QueryAsync(db => db.DispatchBatches.Where(b => b.CampaignId == campaignId).SumAsync(b => b.Runs));
        output.WriteLine($"{TestEngineName}: {emailTo.Count} emails, {textTo.Count} texts, {callTo.Count} calls delivered for {total} messages; " +
                         $"lost {total - emailTo.Distinct().Count() - textTo.Distinct().Count() - callTo.Distinct().Count()}, " +
                         $"sent twice {emailTo.Count + textTo.Count + callTo.Count - total}, " +
                         $"charged twice {charges.Count - charges.Select(c => c.MessageId).Distinct().Count()}; " +
                         $"{runs} batch runs; {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.Equal((emails, texts, calls), (emailTo.Count, textTo.Count, callTo.Count));
        Assert.Equal((emails, texts, calls), (emailTo.Distinct().Count(), textTo.Distinct().Count(), callTo.Distinct().Count()));
        Assert.Equal(total, charges.Count);
        Assert.Equal(total, charges.Select(c => c.MessageId).Distinct().Count());
        Assert.Equal(MixedCampaign.Cost(emails, texts, calls), charges.Sum(c => -c.Amount));
        Assert.True((await harness.IntegrityAsync()).IsConsistent);
        var balance = await harness.BalanceAsync();
        Assert.Equal((5000 - MixedCampaign.Cost(emails, texts, calls), 0), (balance.Available, balance.Reserved));
    }

    private static string TestEngineName => PatientMessageExchange.Tests.Shared.TestEngine.Provider.ToString();
}
