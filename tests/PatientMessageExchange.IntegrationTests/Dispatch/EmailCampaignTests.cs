using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using SmtpServer.Protocol;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

public sealed class EmailCampaignTests
{
    [Fact]
    public async Task A_1000_recipient_campaign_through_Hangfire_arrives_once_each_and_the_ledger_balances()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 1500, throughHangfire: true);
        var draft = DispatchHarness.EmailDraft(1000);

        var created = await harness.CreateAsync(draft);
        Assert.True(created.Succeeded, created.Refusal);
        await WaitUntilAsync(async () => (await harness.QueryAsync(db =>
            db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == created.CampaignId))).Status == CampaignStatus.Completed);

        var received = harness.Sink.Received.ToList();
        Assert.Equal(1000, received.Count);
        Assert.Equal(1000, received.Select(r => r.Recipients.Single()).Distinct().Count());
        Assert.All(received, r =>
        {
            var number = r.Recipients.Single()["parent".Length..r.Recipients.Single().IndexOf('@')];
            Assert.Contains($"Hello child {number},", r.Message.HtmlBody);
            Assert.Equal($"Reminder for child {number}", r.Message.Subject);
        });
        var messages = await harness.MessagesAsync(created.CampaignId!.Value);
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        var balance = await harness.BalanceAsync();
        Assert.Equal((500, 0), (balance.Available, balance.Reserved));
        var charged = await harness.QueryAsync(db => db.CreditLedgerEntries
            .Where(e => e.CampaignId == created.CampaignId && e.Kind == CreditEntryKind.Charge).SumAsync(e => -e.Amount));
        Assert.Equal(draft.TotalCredits, charged);
        Assert.True((await harness.IntegrityAsync()).IsConsistent);
    }

    [Fact]
    public async Task Estimate_equals_reservation_equals_the_sum_of_charges()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);
        var draft = DispatchHarness.EmailDraft(30);

        var created = await harness.CreateAsync(draft);
        var reservedAtCreation = (await harness.BalanceAsync()).Reserved;
        await harness.RunQueuedBatchesAsync();

        var charged = await harness.QueryAsync(db => db.CreditLedgerEntries
            .Where(e => e.CampaignId == created.CampaignId && e.Kind == CreditEntryKind.Charge).SumAsync(e => -e.Amount));
        Assert.Equal(30, draft.TotalCredits);
        Assert.Equal(draft.TotalCredits, reservedAtCreation);
        Assert.Equal(draft.TotalCredits, charged);
        Assert.Equal(0, (await harness.BalanceAsync()).Reserved);
    }

    [Fact]
    public async Task R15_a_batch_run_twice_at_once_sends_nothing_twice()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 500);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(200));
        var batchId = Assert.Single(harness.Queue!.Enqueued);

        await Task.WhenAll(harness.RunBatchAsync(batchId), harness.RunBatchAsync(batchId), harness.RunBatchAsync(batchId));
        harness.Queue.Enqueued.Clear();
        await harness.RunBatchAsync(batchId);

        Assert.Equal(200, harness.Sink.Received.Count);
        Assert.Equal(200, harness.Sink.Received.Select(r => r.Message.MessageId).Distinct().Count());
        var charges = await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.CampaignId == created.CampaignId && e.Kind == CreditEntryKind.Charge));
        Assert.Equal(200, charges);
    }

    [Trait("Check", "R17")]
    [Fact]
    public async Task R17_a_campaign_whose_creation_rolls_back_leaves_no_rows_no_job_and_no_reservation()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);
        await using var scope = harness.App.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<CampaignFactory>();
        factory.BeforeCommit = _ => throw new InvalidOperationException("crash before commit");

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.CreateAsync(DispatchHarness.EmailDraft(10)));

        Assert.Empty(harness.Queue!.Enqueued);
        Assert.Equal(0, await harness.QueryAsync(db => db.Campaigns.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.Messages.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.DispatchBatches.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.CreditReservations.CountAsync()));
        Assert.Equal((100, 0), ((await harness.BalanceAsync()).Available, (await harness.BalanceAsync()).Reserved));
    }

    [Fact]
    public async Task A_campaign_the_balance_cannot_cover_is_refused_and_writes_nothing()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 5);

        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(6));

        Assert.False(created.Succeeded);
        Assert.Contains("needs 6 credits but only 5 are available", created.Refusal);
        Assert.Equal(0, await harness.QueryAsync(db => db.Messages.CountAsync()));
        Assert.Empty(harness.Queue!.Enqueued);
    }

    [Trait("Check", "R11")]
    [Fact]
    public async Task R11_a_451_is_retried_later_and_charged_once()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        harness.Sink.ScriptedDataReplies.Enqueue(new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Try later"));
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(1));

        await harness.RunQueuedBatchesAsync();
        var waiting = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        Assert.Equal(MessageStatus.Queued, waiting.Status);
        Assert.NotNull(waiting.NextAttemptUtc);
        var (retryBatch, retryAt) = Assert.Single(harness.Queue!.Scheduled);

        harness.App.Clock.SetUtcNow(retryAt);
        await harness.RunBatchAsync(retryBatch);

        var sent = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(harness.Sink.Received);
        Assert.Equal(1, await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.MessageId == sent.Id)));
        Assert.Equal(CampaignStatus.Completed, (await harness.QueryAsync(db => db.Campaigns.SingleAsync())).Status);
    }

    [Trait("Check", "R11")]
    [Fact]
    public async Task R11_a_550_5_1_1_at_RCPT_is_a_hard_bounce_with_no_retry_and_flags_the_contact()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        var pointId = await harness.QueryAsync(async db =>
        {
            var patient = new Patient
            {
                ChartNumber = "B1", FirstName = "Bo", LastName = "Unce", DateOfBirth = new DateOnly(2020, 1, 1),
                ContactPoints = [new ContactPoint { Mode = ContactMode.Email, Value = "gone@example.com" }],
            };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient.ContactPoints[0].Id;
        });
        harness.Sink.UnknownMailboxes["gone@example.com"] = true;
        var draft = DispatchHarness.EmailDraft(1) with
        {
            Messages = [new PlannedMessage(null, pointId, null, ContactMode.Email, "gone@example.com", "Hi", "<p>Hi</p>", "en", 0, 1)],
        };
        var created = await harness.CreateAsync(draft);

        await harness.RunQueuedBatchesAsync();

        var message = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        Assert.Equal(MessageStatus.Bounced, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Empty(harness.Queue!.Scheduled);
        var point = await harness.QueryAsync(db => db.ContactPoints.AsNoTracking().SingleAsync(c => c.Id == pointId));
        Assert.Equal(ContactPointStatus.Bounced, point.Status);
        Assert.Contains("5.1.1", point.StatusReason);
        Assert.True(await harness.QueryAsync(db => db.Suppressions.AnyAsync(s => s.Address == "gone@example.com" && s.Channel == SuppressionChannel.Email)));
        Assert.Equal((10, 0), ((await harness.BalanceAsync()).Available, (await harness.BalanceAsync()).Reserved));
    }

    [Trait("Check", "R11")]
    [Fact]
    public async Task R11_a_connection_dropped_before_the_final_250_may_repeat_the_email_but_never_the_charge()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        harness.Sink.DropNextBeforeFinalReply();
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(1));

        await harness.RunQueuedBatchesAsync();
        var (batchId, retryAt) = Assert.Single(harness.Queue!.Scheduled);
        harness.App.Clock.SetUtcNow(retryAt);
        await harness.RunBatchAsync(batchId);

        var message = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.Equal(2, harness.Sink.Received.Count);
        Assert.Equal(1, await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.MessageId == message.Id)));
        Assert.Equal(9, (await harness.BalanceAsync()).Available);
    }

    [Trait("Check", "R16")]
    [Fact]
    public async Task R16_when_retries_run_out_the_message_fails_needs_attention_and_is_released()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10, settings: new Dictionary<string, string?> { ["Dispatch:MaxAttempts"] = "2" });
        harness.Sink.ScriptedDataReplies.Enqueue(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "4.3.2 Busy"));
        harness.Sink.ScriptedDataReplies.Enqueue(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "4.3.2 Busy"));
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(1));

        await harness.RunQueuedBatchesAsync();
        var (batchId, retryAt) = Assert.Single(harness.Queue!.Scheduled);
        harness.App.Clock.SetUtcNow(retryAt);
        await harness.RunBatchAsync(batchId);

        var message = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        Assert.Equal(MessageStatus.Failed, message.Status);
        Assert.True(message.NeedsAttention);
        Assert.StartsWith("Gave up after 2 attempts", message.Error);
        var release = await harness.QueryAsync(db => db.CreditLedgerEntries.SingleAsync(e => e.MessageId == message.Id));
        Assert.Equal(CreditEntryKind.Release, release.Kind);
        Assert.Equal((10, 0), ((await harness.BalanceAsync()).Available, (await harness.BalanceAsync()).Reserved));
    }

    [Fact]
    public async Task Cancelling_stops_what_has_not_gone_and_releases_its_credits()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(40));

        await using (var scope = harness.App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CampaignService>().CancelAsync(created.CampaignId!.Value);
            Assert.True(result.Succeeded);
        }
        await harness.RunQueuedBatchesAsync();

        Assert.Empty(harness.Sink.Received);
        Assert.All(await harness.MessagesAsync(created.CampaignId!.Value), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Equal((100, 0), ((await harness.BalanceAsync()).Available, (await harness.BalanceAsync()).Reserved));
        Assert.True((await harness.IntegrityAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_scheduled_campaign_waits_for_its_time_then_the_sweeper_starts_it()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        var at = harness.App.Clock.GetUtcNow().AddHours(3);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(2) with { ScheduledForUtc = at });

        Assert.Empty(harness.Queue!.Enqueued);
        await harness.SweepAsync();
        Assert.Empty(harness.Queue.Enqueued);

        harness.App.Clock.SetUtcNow(at.AddSeconds(1));
        var sweep = await harness.SweepAsync();
        await harness.RunQueuedBatchesAsync();

        Assert.Equal((1, 1), (sweep.CampaignsStarted, sweep.BatchesEnqueued));
        Assert.Equal(2, harness.Sink.Received.Count);
        Assert.Equal(CampaignStatus.Completed, (await harness.QueryAsync(db => db.Campaigns.SingleAsync(c => c.Id == created.CampaignId))).Status);
    }

    [Fact]
    public async Task The_sweeper_requeues_a_lost_job_and_a_batch_whose_worker_died()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(3));
        harness.Queue!.Enqueued.Clear();
        var now = harness.App.Clock.GetUtcNow();
        await harness.QueryAsync(db => db.DispatchBatches.ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, BatchStatus.Running)
            .SetProperty(b => b.LeaseOwner, "dead-worker")
            .SetProperty(b => b.LeaseUntilUtc, now.AddSeconds(30))));

        Assert.Equal(0, (await harness.SweepAsync()).BatchesEnqueued);
        harness.App.Clock.Advance(TimeSpan.FromMinutes(5));
        var sweep = await harness.SweepAsync();
        await harness.RunQueuedBatchesAsync();

        Assert.Equal((1, 1), (sweep.LeasesExpired, sweep.BatchesEnqueued));
        Assert.Equal(3, harness.Sink.Received.Count);
        Assert.All(await harness.MessagesAsync(created.CampaignId!.Value), m => Assert.Equal(MessageStatus.Sent, m.Status));
    }

    [Trait("Check", "R16")]
    [Fact]
    public async Task R16_the_sweeper_flags_a_message_stuck_in_Sending_and_the_next_run_sends_it_once()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(1));
        var batchId = Assert.Single(harness.Queue!.Enqueued);
        harness.Queue.Enqueued.Clear();
        var now = harness.App.Clock.GetUtcNow();
        await harness.QueryAsync(db => db.Messages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.Attempts, 1).SetProperty(m => m.LeaseUntilUtc, now)));

        harness.App.Clock.Advance(TimeSpan.FromMinutes(10));
        var sweep = await harness.SweepAsync();
        var flagged = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        await harness.RunBatchAsync(batchId);

        Assert.Equal(1, sweep.MessagesFlagged);
        Assert.True(flagged.NeedsAttention);
        var sent = Assert.Single(await harness.MessagesAsync(created.CampaignId!.Value));
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.False(sent.NeedsAttention);
        Assert.Single(harness.Sink.Received);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The campaign did not finish within 90 seconds.");
            }
            await Task.Delay(100);
        }
    }
}
