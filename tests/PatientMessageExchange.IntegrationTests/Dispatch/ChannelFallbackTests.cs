using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using PatientMessageExchange.IntegrationTests.Twilio;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

/// <summary>
/// Channel fallback end to end: confirmations planned from the schedule with the starter template, texts and calls
/// through the real Twilio SDK to <see cref="FakeTwilioApi"/>, carrier callbacks through the signed webhook, and the
/// ledger checked against the balance after every scenario. The practice default for confirmations is Text, then Phone.
/// </summary>
public sealed class ChannelFallbackTests
{
    private const string StatusPath = "/webhooks/twilio/status";
    private const string Mobile = "+16175550301";
    private const string Landline = "+16175550302";

    [Fact]
    public async Task A_text_refused_as_not_mobile_falls_back_to_one_call_in_the_familys_language_reserved_then_charged()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline, language: "es");
        harness.Api.RefuseNumbers[Mobile] = 21614;

        var campaignId = await harness.SendConfirmationsAsync();

        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Null(m.FallbackPendingUtc));
        var (text, call) = (messages[0], messages[1]);
        Assert.Equal((ContactMode.Text, MessageStatus.Bounced), (text.Mode, text.Status));
        Assert.Equal((ContactMode.Phone, MessageStatus.Sent, text.Id), (call.Mode, call.Status, call.FallbackOfMessageId));
        Assert.Equal(Landline, call.Address);
        Assert.Equal("es", call.Language);
        Assert.Contains("oprima 1", call.Body);
        var created = Assert.Single(harness.Api.Created);
        Assert.False(created.IsMessage);
        Assert.Equal(Landline, created.To);

        var entries = await EntriesAsync(harness, campaignId);
        Assert.Equal(
            [(CreditEntryKind.Reserve, "reserve:campaign:" + campaignId, -text.Cost), (CreditEntryKind.Release, $"release:message:{text.Id}", text.Cost),
             (CreditEntryKind.Reserve, $"reserve:fallback:{text.Id}", -5), (CreditEntryKind.Charge, $"charge:message:{call.Id}", -5)],
            entries);
        await AssertLedgerAsync(harness, available: 95, campaignId);
        var campaign = await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.Equal((2, text.Cost + 5, CampaignStatus.Completed), (campaign.MessageCount, campaign.ReservedCredits, campaign.Status));
    }

    [Fact]
    public async Task A_landline_callback_delivered_twice_at_once_and_again_as_failed_falls_back_once()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        var campaignId = await harness.SendConfirmationsAsync();
        var sid = Assert.Single(harness.Api.Created).Sid;

        var undelivered = TelephonyHarness.Status(sid, "undelivered", 30006);
        var responses = await Task.WhenAll(harness.PostAsync(StatusPath, undelivered), harness.PostAsync(StatusPath, undelivered));
        await harness.PostAsync(StatusPath, TelephonyHarness.Status(sid, "failed", 30006));
        await harness.RunQueuedBatchesAsync();

        Assert.All(responses, r => Assert.Equal(204, r.StatusCode));
        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Null(m.FallbackPendingUtc));
        Assert.Equal(MessageStatus.Undelivered, messages[0].Status);
        Assert.Equal((ContactMode.Phone, messages[0].Id, MessageStatus.Sent), (messages[1].Mode, messages[1].FallbackOfMessageId, messages[1].Status));
        Assert.Equal(2, harness.Api.Created.Count);
        Assert.Single(harness.Api.Created, c => !c.IsMessage);
        // The text was accepted, so it stays charged; the call is charged too.
        await AssertLedgerAsync(harness, available: 100 - messages[0].Cost - 5, campaignId);
    }

    [Fact]
    public async Task Parallel_fallback_requests_for_the_same_failure_create_exactly_one_message_and_one_reservation()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        var campaignId = await harness.SendConfirmationsAsync();
        var text = Assert.Single(await harness.MessagesAsync(campaignId));
        // As if the carrier's report had been applied: the text is undelivered, the mobile number flagged.
        await harness.QueryAsync(db => db.Messages.Where(m => m.Id == text.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Undelivered)));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => FallBackAsync(harness, text.Id))));

        Assert.Single(results, r => r.Outcome == FallbackOutcome.Created);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { FallbackOutcome.Created, FallbackOutcome.AlreadyCreated }));
        var fallbackId = Assert.Single(results.Select(r => r.FallbackMessageId).Distinct());
        Assert.NotNull(fallbackId);
        Assert.Equal(2, (await harness.MessagesAsync(campaignId)).Count);
        Assert.Equal(1, await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.IdempotencyKey == $"reserve:fallback:{text.Id}")));
        Assert.Single(harness.Queue.Enqueued);
    }

    [Fact]
    public async Task Without_another_usable_mode_nothing_is_created_the_credits_are_released_and_the_message_says_so()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile);
        harness.Api.RefuseNumbers[Mobile] = 21614;

        var campaignId = await harness.SendConfirmationsAsync();

        var text = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal(MessageStatus.Bounced, text.Status);
        Assert.Null(text.FallbackPendingUtc);
        Assert.Contains(ChannelFallback.NoOtherModeNote, text.Error);
        Assert.Empty(harness.Api.Created);
        await AssertLedgerAsync(harness, available: 100, campaignId);
    }

    [Fact]
    public async Task Once_the_appointment_is_confirmed_a_later_landline_report_sends_nothing_more()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        var family = await harness.AddFamilyAsync(Mobile, Landline);
        var campaignId = await harness.SendConfirmationsAsync();
        var sid = Assert.Single(harness.Api.Created).Sid;
        await harness.QueryAsync(db => db.Appointments.Where(a => a.Id == family.AppointmentId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AppointmentStatus.Confirmed).SetProperty(a => a.ConfirmedBy, "front desk")));

        await harness.PostAsync(StatusPath, TelephonyHarness.Status(sid, "undelivered", 30006));
        await harness.RunQueuedBatchesAsync();

        var text = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal(MessageStatus.Undelivered, text.Status);
        Assert.Null(text.FallbackPendingUtc);
        Assert.Single(harness.Api.Created);
        Assert.Empty(harness.Queue.Enqueued);
        await AssertLedgerAsync(harness, available: 100 - text.Cost, campaignId);
    }

    [Fact]
    public async Task Without_credits_for_the_next_mode_nothing_is_reserved_and_the_failed_message_says_why()
    {
        // A call first (5 credits), then a text (two segments, 6 credits under per-segment pricing): the call's released
        // 5 can't pay for the text.
        await using var harness = await TelephonyHarness.StartAsync(credits: 5);
        await harness.SetPerSegmentTextPricingAsync(true);
        var family = await harness.AddFamilyAsync(Mobile, Landline);
        await PreferAsync(harness, family, ContactMode.Phone, ContactMode.Text);
        harness.Api.RefuseNumbers[Landline] = 21211;

        var campaignId = await harness.SendConfirmationsAsync();

        var call = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal((ContactMode.Phone, MessageStatus.Bounced), (call.Mode, call.Status));
        Assert.Contains(ChannelFallback.NoCreditsNote, call.Error);
        Assert.Contains("21211", call.Error);
        Assert.Empty(harness.Api.Created);
        Assert.Equal(0, await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.IdempotencyKey.StartsWith("reserve:fallback:"))));
        await AssertLedgerAsync(harness, available: 5, campaignId);
        var campaign = await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.Equal((1, 5), (campaign.MessageCount, campaign.ReservedCredits));
    }

    [Fact]
    public async Task A_cancelled_campaign_gets_no_fallback()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        var campaignId = await harness.SendConfirmationsAsync();
        var sid = Assert.Single(harness.Api.Created).Sid;
        // Staff cancelled the campaign while the carrier's report was still on its way.
        await harness.QueryAsync(db => db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Cancelled)));

        await harness.PostAsync(StatusPath, TelephonyHarness.Status(sid, "undelivered", 30006));
        await harness.RunQueuedBatchesAsync();

        var text = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Single(harness.Api.Created);
        await AssertLedgerAsync(harness, available: 100 - text.Cost, campaignId);
    }

    [Fact]
    public async Task An_unreachable_handset_keeps_its_one_retry_and_falls_back_when_the_retry_fails_too()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        var campaignId = await harness.SendConfirmationsAsync();

        await harness.PostAsync(StatusPath, TelephonyHarness.Status(harness.Api.Created.Single().Sid, "undelivered", 30003));
        Assert.Empty(harness.Queue.Enqueued);
        await harness.RunScheduledBatchesAsync();
        await harness.PostAsync(StatusPath, TelephonyHarness.Status(harness.Api.Created.Last().Sid, "undelivered", 30003));
        await harness.RunQueuedBatchesAsync();

        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal([ContactMode.Text, ContactMode.Text, ContactMode.Phone], messages.Select(m => m.Mode));
        Assert.Equal(messages[0].Id, messages[1].RetryOfMessageId);
        Assert.Equal(messages[1].Id, messages[2].FallbackOfMessageId);
        Assert.Equal(MessageStatus.Sent, messages[2].Status);
        await AssertLedgerAsync(harness, available: 100 - messages[0].Cost - messages[1].Cost - 5, campaignId);
    }

    [Fact]
    public async Task A_chain_goes_through_each_preferred_mode_once_and_ends()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        var family = await harness.AddFamilyAsync(Mobile, Landline);
        await harness.QueryAsync(db =>
        {
            db.ContactPoints.Add(new ContactPoint { PatientId = family.PatientId, Mode = ContactMode.Email, Value = "family@example.com" });
            return db.SaveChangesAsync();
        });
        await PreferAsync(harness, family, ContactMode.Text, ContactMode.Phone, ContactMode.Email);
        harness.Api.RefuseNumbers[Mobile] = 21614;
        harness.Api.RefuseNumbers[Landline] = 21211;

        var campaignId = await harness.SendConfirmationsAsync();
        var messages = await harness.MessagesAsync(campaignId);
        // The email went through the outbox; suppose it hard-bounced later.
        await harness.QueryAsync(db => db.Messages.Where(m => m.Id == messages[2].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Bounced)));
        var last = await FallBackAsync(harness, messages[2].Id);

        Assert.Equal([ContactMode.Text, ContactMode.Phone, ContactMode.Email], messages.Select(m => m.Mode));
        Assert.Equal([null, messages[0].Id, messages[1].Id], messages.Select(m => m.FallbackOfMessageId));
        Assert.Equal([MessageStatus.Bounced, MessageStatus.Bounced, MessageStatus.Sent], messages.Select(m => m.Status));
        Assert.Contains("family@example.com", messages[2].Address);
        Assert.Equal(FallbackOutcome.NoOtherMode, last.Outcome);
        Assert.Equal(3, (await harness.MessagesAsync(campaignId)).Count);
        Assert.Empty(harness.Api.Created);
        await AssertLedgerAsync(harness, available: 99, campaignId);
    }

    [Fact]
    public async Task A_refused_text_of_a_broadcast_style_message_without_a_patient_does_not_fall_back()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        harness.Api.RefuseNumbers[Mobile] = 21614;

        var campaignId = await harness.SendTextsAsync((Mobile, null));

        Assert.Equal(MessageStatus.Bounced, Assert.Single(await harness.MessagesAsync(campaignId)).Status);
        Assert.Empty(harness.Queue.Enqueued);
        await AssertLedgerAsync(harness, available: 100, campaignId);
    }

    [Fact]
    public async Task A_fallback_left_undecided_by_a_crash_is_decided_by_the_sweeper_once()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        var campaignId = await harness.SendConfirmationsAsync();
        var text = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Null(text.FallbackPendingUtc);
        // As the carrier's report leaves it when the process dies right after recording it: undelivered, fallback due.
        await harness.QueryAsync(db => db.Messages.Where(m => m.Id == text.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MessageStatus.Undelivered)
            .SetProperty(m => m.FallbackPendingUtc, harness.App.Clock.GetUtcNow())));

        var early = await SweepAsync(harness);
        harness.App.Clock.Advance(TimeSpan.FromMinutes(2));
        var swept = await SweepAsync(harness);
        var again = await SweepAsync(harness);
        await harness.RunQueuedBatchesAsync();

        Assert.Equal((0, 1, 0), (early.FallbacksDecided, swept.FallbacksDecided, again.FallbacksDecided));
        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(2, messages.Count);
        Assert.Equal((ContactMode.Phone, text.Id, MessageStatus.Sent), (messages[1].Mode, messages[1].FallbackOfMessageId, messages[1].Status));
        Assert.All(messages, m => Assert.Null(m.FallbackPendingUtc));
        await AssertLedgerAsync(harness, available: 100 - text.Cost - 5, campaignId);
    }

    [Fact]
    public async Task A_fallback_that_keeps_throwing_is_retried_with_backoff_then_stops_at_its_cap_and_needs_attention()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        harness.Api.RefuseNumbers[Mobile] = 21614;
        // The call part of the template family can't be parsed, so every attempt to render the fallback throws.
        await harness.QueryAsync(db => db.MessageTemplates.Where(t => t.Need == Need.AppointmentConfirmation)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.VoiceScript, "Press 1 {% if %}")));

        var campaignId = await harness.SendConfirmationsAsync();
        var marks = new List<(int Attempts, TimeSpan Wait)>();
        for (var sweep = 0; sweep < 12; sweep++)
        {
            var text = Assert.Single(await harness.MessagesAsync(campaignId));
            if (text.FallbackPendingUtc is { } due)
            {
                // Whole seconds: the test clock moved on a little while the first attempt was recorded.
                marks.Add((text.FallbackAttempts, TimeSpan.FromSeconds(Math.Round((due - harness.App.Clock.GetUtcNow()).TotalSeconds))));
                // Just before the mark is due (plus the sweeper's minute of grace) nothing happens.
                harness.App.Clock.SetUtcNow(due + TimeSpan.FromSeconds(59));
                Assert.Equal(text.FallbackAttempts, (await SweepThenReadAsync(harness, campaignId)).FallbackAttempts);
            }
            harness.App.Clock.Advance(TimeSpan.FromMinutes(2));
            await SweepAsync(harness);
        }

        var failed = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal([(1, TimeSpan.FromMinutes(1)), (2, TimeSpan.FromMinutes(2)), (3, TimeSpan.FromMinutes(4)), (4, TimeSpan.FromMinutes(8))], marks);
        Assert.Equal((MessageStatus.Bounced, 5, true), (failed.Status, failed.FallbackAttempts, failed.NeedsAttention));
        Assert.Null(failed.FallbackPendingUtc);
        Assert.EndsWith(ChannelFallback.GaveUpNote, failed.Error);
        Assert.DoesNotContain(harness.Api.Created, c => !c.IsMessage);
        await AssertLedgerAsync(harness, available: 100, campaignId);
        var client = await harness.App.SignInAsRoleAsync(Core.Data.Roles.FrontDesk);
        var worklist = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/FixRecords?Reason=FallbackFailed"));
        Assert.Contains($"Message #{failed.Id} failed, and its fallback to another contact method failed 5 times.", worklist);
        Assert.Contains("Failed – needs attention", worklist);
    }

    private static async Task<Message> SweepThenReadAsync(TelephonyHarness harness, long campaignId)
    {
        await SweepAsync(harness);
        return Assert.Single(await harness.MessagesAsync(campaignId));
    }

    [Fact]
    public async Task The_campaign_page_and_Messages_Sent_show_the_fallback_and_why_none_went()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile, Landline);
        await harness.AddFamilyAsync("+16175550303");
        harness.Api.RefuseNumbers[Mobile] = 21614;
        harness.Api.RefuseNumbers["+16175550303"] = 21614;
        var campaignId = await harness.SendConfirmationsAsync();
        var messages = await harness.MessagesAsync(campaignId);
        var call = messages.Single(m => m.Mode == ContactMode.Phone);
        var alone = messages.Single(m => m.Address == "+16175550303");

        var client = await harness.App.SignInAsRoleAsync(Core.Data.Roles.FrontDesk);
        var page = await client.GetStringAsync($"/PersonalizedMessages/Campaign/{campaignId}");
        await using var scope = harness.App.Services.CreateAsyncScope();
        var reporter = scope.ServiceProvider.GetRequiredService<Core.Reports.MessagesSentReporter>();
        var period = Core.Reports.ReportPeriod.ForPreset(Core.Reports.ReportPeriodPreset.Today, harness.App.Clock.GetUtcNow(),
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var rows = (await reporter.ListAsync(period, Core.Reports.MessagesSentFilter.None, 1)).Items.ToDictionary(r => r.MessageId);

        Assert.Contains($"Fell back to Phone (message #{call.Id}, Sent)", page);
        Assert.Contains(ChannelFallback.NoOtherModeNote, page);
        Assert.EndsWith($"Fell back to Phone (message #{call.Id}).", rows[call.FallbackOfMessageId!.Value].Problem);
        Assert.EndsWith(ChannelFallback.NoOtherModeNote, rows[alone.Id].Problem);
        Assert.Null(rows[call.Id].Problem);
    }

    [Fact]
    public async Task A_hard_bounce_of_a_confirmation_email_from_the_bounce_mailbox_falls_back_to_the_next_mode()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        var family = await harness.AddFamilyAsync(Mobile);
        await harness.QueryAsync(db =>
        {
            db.ContactPoints.Add(new ContactPoint { PatientId = family.PatientId, Mode = ContactMode.Email, Value = "family@example.com" });
            return db.SaveChangesAsync();
        });
        await PreferAsync(harness, family, ContactMode.Email, ContactMode.Text);
        var campaignId = await harness.SendConfirmationsAsync();
        var email = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal((ContactMode.Email, MessageStatus.Sent), (email.Mode, email.Status));

        await using (var scope = harness.App.Services.CreateAsyncScope())
        {
            var processed = await scope.ServiceProvider.GetRequiredService<Core.Bounces.BounceProcessor>().ProcessAsync(new Core.Bounces.BounceReport
            {
                RawMessage = "dsn"u8.ToArray(), ReportMessageId = "dsn-1@mx.example",
                OriginalEnvelopeId = Core.Channels.Email.MimeMessageFactory.EnvelopeIdFor(email.Id),
                Recipients = [new Core.Bounces.BounceRecipient(Core.Bounces.BounceKind.Hard, "family@example.com", Action: "failed", Status: "5.1.1")],
            });
            var poll = new Core.Bounces.BouncePollResult(1, 0, 0, 0, processed.Bounces);
            foreach (var id in Core.Bounces.BounceMailboxJob.FallbackCandidates(poll))
            {
                await scope.ServiceProvider.GetRequiredService<ChannelFallback>().TryAsync(id);
            }
        }
        await harness.RunQueuedBatchesAsync();

        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(2, messages.Count);
        Assert.Equal(MessageStatus.Bounced, messages[0].Status);
        Assert.Equal((ContactMode.Text, email.Id, MessageStatus.Sent), (messages[1].Mode, messages[1].FallbackOfMessageId, messages[1].Status));
        Assert.Equal(Mobile, Assert.Single(harness.Api.Created).To);
        await AssertLedgerAsync(harness, available: 100 - 1 - messages[1].Cost, campaignId);
    }

    private static Task<int> PreferAsync(TelephonyHarness harness, Family family, params ContactMode[] modes) =>
        harness.QueryAsync(db =>
        {
            db.ContactPreferences.Add(new ContactPreference
            {
                PatientId = family.PatientId, Need = Need.AppointmentConfirmation, RecordedBy = "test", Modes = [.. modes],
                ExpressedUtc = harness.App.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });

    private static async Task<SweepReport> SweepAsync(TelephonyHarness harness)
    {
        await using var scope = harness.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchSweeper>().SweepAsync(force: false);
    }

    private static async Task<FallbackResult> FallBackAsync(TelephonyHarness harness, long messageId)
    {
        await using var scope = harness.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelFallback>().TryAsync(messageId);
    }

    private static Task<List<(CreditEntryKind, string, int)>> EntriesAsync(TelephonyHarness harness, long campaignId) =>
        harness.QueryAsync(async db => (await db.CreditLedgerEntries.AsNoTracking().Where(e => e.CampaignId == campaignId)
                .OrderBy(e => e.Id).Select(e => new { e.Kind, e.IdempotencyKey, e.Amount }).ToListAsync())
            .Select(e => (e.Kind, e.IdempotencyKey, e.Amount)).ToList());

    /// <summary>The ledger's entries add up to the balance, nothing stays reserved, and the campaign's reservation is resolved.</summary>
    private static async Task AssertLedgerAsync(TelephonyHarness harness, int available, long campaignId)
    {
        var balance = await harness.BalanceAsync();
        Assert.Equal((available, 0), (balance.Available, balance.Reserved));
        await using var scope = harness.App.Services.CreateAsyncScope();
        var integrity = await scope.ServiceProvider.GetRequiredService<CreditIntegrityCheck>().RunAsync();
        Assert.True(integrity.IsConsistent, integrity.ToString());
        var outstanding = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditReservations
            .Where(r => r.CampaignId == campaignId).Select(r => r.Outstanding).SingleAsync();
        Assert.Equal(0, outstanding);
    }
}
