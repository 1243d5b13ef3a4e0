using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Twilio;

public sealed class TwilioWebhookTests
{
    private const string StatusPath = "/webhooks/twilio/status";
    private const string SmsPath = "/webhooks/twilio/sms";

    private static async Task<(TelephonyHarness Harness, Message Message)> SentTextAsync()
    {
        var harness = await TelephonyHarness.StartAsync();
        var campaignId = await harness.SendTextsAsync(("+16175550101", null));
        var message = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal(MessageStatus.Sent, message.Status);
        return (harness, message);
    }

    [Fact]
    [Trait("Check", "R1")]
    public async Task R1_a_validly_signed_status_callback_is_processed()
    {
        var (harness, message) = await SentTextAsync();
        await using var _ = harness;

        var response = await harness.PostAsync(StatusPath, TelephonyHarness.Status(message.ProviderMessageId!, "delivered"));

        Assert.Equal(204, response.StatusCode);
        Assert.Equal(MessageStatus.Delivered, (await harness.MessagesAsync(message.CampaignId)).Single().Status);
    }

    public static TheoryData<string> Tampering => ["field", "url", "scheme", "missing", "garbage"];

    [Theory]
    [MemberData(nameof(Tampering))]
    [Trait("Check", "R1")]
    public async Task R1_an_altered_or_unsigned_webhook_gets_403_and_writes_nothing(string tampering)
    {
        var (harness, message) = await SentTextAsync();
        await using var _ = harness;
        var signed = TelephonyHarness.Status(message.ProviderMessageId!, "delivered");
        var stop = TelephonyHarness.InboundText("SMin1", "+16175550101", "STOP");

        (WebhookResponse Status, WebhookResponse Stop) responses = tampering switch
        {
            "field" => (await harness.PostAsync(StatusPath, signed, sentForm: TelephonyHarness.Status(message.ProviderMessageId!, "undelivered", 30006)),
                await harness.PostAsync(SmsPath, stop, sentForm: TelephonyHarness.InboundText("SMin1", "+16175550102", "STOP"))),
            "url" => (await harness.PostAsync(StatusPath, signed, TwilioRequestSigner.Sign(TelephonyHarness.AuthToken, TelephonyHarness.PublicBase + "/webhooks/twilio/other", signed)),
                await harness.PostAsync(SmsPath, stop, TwilioRequestSigner.Sign(TelephonyHarness.AuthToken, "https://evil.example" + SmsPath, stop))),
            "scheme" => (await harness.PostAsync(StatusPath, signed, TwilioRequestSigner.Sign(TelephonyHarness.AuthToken, "http://pmx.example" + StatusPath, signed)),
                await harness.PostAsync(SmsPath, stop, TwilioRequestSigner.Sign(TelephonyHarness.AuthToken, "http://pmx.example" + SmsPath, stop))),
            "missing" => (await harness.PostAsync(StatusPath, signed, sign: false), await harness.PostAsync(SmsPath, stop, sign: false)),
            _ => (await harness.PostAsync(StatusPath, signed, "bm90IGEgc2lnbmF0dXJl"), await harness.PostAsync(SmsPath, stop, "bm90IGEgc2lnbmF0dXJl")),
        };

        Assert.Equal(403, responses.Status.StatusCode);
        Assert.Equal(403, responses.Stop.StatusCode);
        await AssertNothingWrittenAsync(harness, message);
    }

    [Fact]
    [Trait("Check", "R1")]
    public async Task R1_with_no_auth_token_configured_webhooks_fail_closed()
    {
        await using var harness = await TelephonyHarness.StartAsync(authToken: null, provider: "Outbox");
        var stop = TelephonyHarness.InboundText("SMin1", "+16175550101", "STOP");

        var response = await harness.PostAsync(SmsPath, stop);
        var status = await harness.PostAsync(StatusPath, TelephonyHarness.Status("SMx", "delivered"));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal(403, status.StatusCode);
        Assert.Equal(0, await harness.QueryAsync(db => db.InboundMessages.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.Suppressions.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.ProviderStatusEvents.CountAsync()));
    }

    [Fact]
    [Trait("Check", "R2")]
    public async Task R2_forwarded_https_from_the_configured_proxy_validates()
    {
        var (harness, message) = await SentTextAsync();
        await using var _ = harness;

        var response = await harness.PostAsync(StatusPath, TelephonyHarness.Status(message.ProviderMessageId!, "delivered"),
            from: TelephonyHarness.ProxyIp, forwardedProto: "https");

        Assert.Equal(204, response.StatusCode);
    }

    [Fact]
    [Trait("Check", "R2")]
    public async Task R2_forwarded_https_from_anyone_else_is_ignored_so_the_https_signature_fails()
    {
        var (harness, message) = await SentTextAsync();
        await using var _ = harness;

        var stranger = await harness.PostAsync(StatusPath, TelephonyHarness.Status(message.ProviderMessageId!, "delivered"),
            from: IPAddress.Parse("203.0.113.9"), forwardedProto: "https");
        var noHeader = await harness.PostAsync(StatusPath, TelephonyHarness.Status(message.ProviderMessageId!, "delivered"),
            forwardedProto: null);

        Assert.Equal(403, stranger.StatusCode);
        Assert.Equal(403, noHeader.StatusCode);
        await AssertNothingWrittenAsync(harness, message);
    }

    [Fact]
    [Trait("Check", "R3")]
    public async Task R3_duplicated_and_reordered_callbacks_end_delivered_once()
    {
        var (harness, message) = await SentTextAsync();
        await using var _ = harness;
        var sid = message.ProviderMessageId!;

        foreach (var status in new[] { "delivered", "sent", "delivered", "sent", "queued", "undelivered" })
        {
            Assert.Equal(204, (await harness.PostAsync(StatusPath, TelephonyHarness.Status(sid, status))).StatusCode);
        }

        var final = (await harness.MessagesAsync(message.CampaignId)).Single();
        Assert.Equal(MessageStatus.Delivered, final.Status);
        Assert.Equal("delivered", final.ProviderStatus);
        Assert.Equal(4, await harness.QueryAsync(db => db.ProviderStatusEvents.CountAsync(e => e.Sid == sid)));
        var charges = await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.MessageId == message.Id && e.Kind == CreditEntryKind.Charge));
        Assert.Equal(1, charges);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData(" stop ")]
    [InlineData("Unsubscribe")]
    [InlineData("END")]
    [InlineData("quit")]
    [InlineData("StopAll")]
    [InlineData("revoke")]
    [InlineData("OptOut")]
    [InlineData("\tCANCEL\n")]
    [Trait("Check", "R5")]
    public async Task R5_an_opt_out_keyword_opts_out_within_the_request_and_the_next_plan_skips_before_reserving(string keyword)
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        var stopper = await harness.AddFamilyAsync("+16175550111");
        await harness.AddFamilyAsync("+16175550112");
        var before = await harness.BalanceAsync();

        var response = await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMstop1", "+16175550111", keyword));

        Assert.Equal(200, response.StatusCode);
        var point = await harness.QueryAsync(db => db.ContactPoints.AsNoTracking().SingleAsync(c => c.Id == stopper.TextPointId));
        Assert.Equal(ContactPointStatus.OptedOut, point.Status);
        Assert.True(await harness.QueryAsync(db => db.Suppressions.AnyAsync(s => s.Address == "+16175550111" && s.Channel == SuppressionChannel.Sms)));
        Assert.Equal(before.Available, (await harness.BalanceAsync()).Available);

        var plan = await harness.PlanConfirmationsAsync();
        Assert.Equal(1, plan.Plan.TotalMessages);
        Assert.Contains(plan.Plan.Skipped, s => s.PatientId == stopper.PatientId);
        var created = await harness.CreateAsync(plan.Plan.Draft!);
        Assert.True(created.Succeeded);
        Assert.Equal(plan.Plan.TotalCredits, (await harness.BalanceAsync()).Reserved);
        var addresses = await harness.QueryAsync(db => db.Messages.Select(m => m.Address).ToListAsync());
        Assert.DoesNotContain("+16175550111", addresses);
    }

    [Fact]
    [Trait("Check", "R5")]
    public async Task R5_START_resubscribes_and_HELP_answers_with_the_practice_name_and_phone_for_free()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        var family = await harness.AddFamilyAsync("+16175550121");
        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SM1", "+16175550121", "STOP"));

        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SM2", "+16175550121", "start"));
        var help = await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SM3", "+16175550121", " Help "));

        var point = await harness.QueryAsync(db => db.ContactPoints.AsNoTracking().SingleAsync(c => c.Id == family.TextPointId));
        Assert.Equal(ContactPointStatus.Valid, point.Status);
        Assert.False(await harness.QueryAsync(db => db.Suppressions.AnyAsync(s => s.Address == "+16175550121")));
        Assert.Contains("<Message>", help.Body);
        Assert.Contains("Test Pediatrics", help.Body);
        Assert.Contains("555-0100", help.Body);
        Assert.Equal(100, (await harness.BalanceAsync()).Available);
        Assert.Equal(1, (await harness.PlanConfirmationsAsync()).Plan.TotalMessages);
    }

    [Fact]
    public async Task An_inbound_reply_costs_3_credits_once_per_MessageSid_even_past_zero()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 0);

        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMreply1", "+16175550131", "What time again?"));
        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMreply1", "+16175550131", "What time again?"));

        Assert.Equal(-3, (await harness.BalanceAsync()).Available);
        var reply = await harness.QueryAsync(db => db.InboundMessages.AsNoTracking().SingleAsync());
        Assert.Equal(InboundKind.Other, reply.Kind);
        Assert.Equal(1, await harness.QueryAsync(db => db.CreditLedgerEntries.CountAsync(e => e.InboundMessageId == reply.Id)));
    }

    [Fact]
    public async Task Replying_C_to_a_confirmation_text_confirms_the_appointment_once()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        var family = await harness.AddFamilyAsync("+16175550141");
        await harness.SendConfirmationsAsync();
        var sent = Assert.Single(harness.Api.Created);
        Assert.Contains("Reply C to confirm", sent.Body);

        var first = await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMc1", "+16175550141", " c "));
        var confirmedAt = (await AppointmentAsync(harness, family)).ConfirmedUtc;
        harness.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMc2", "+16175550141", "YES"));

        Assert.Equal(200, first.StatusCode);
        var appointment = await AppointmentAsync(harness, family);
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal("text reply", appointment.ConfirmedBy);
        Assert.Equal(confirmedAt, appointment.ConfirmedUtc);
        Assert.Equal(1, await harness.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AppointmentConfirmed)));
        var day = await harness.QueryAsync(db => new ScheduleBook(db, new Core.Practice.PracticeDirectory(db, new AuditLog(db, SystemActor.Instance, harness.App.Clock)), harness.App.Clock)
            .GetDayAsync(harness.Tomorrow(), null, null));
        Assert.Equal("text reply", day.Entries.Single().ConfirmedBy);
    }

    private static Task<Appointment> AppointmentAsync(TelephonyHarness harness, Family family) =>
        harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));

    private static async Task AssertNothingWrittenAsync(TelephonyHarness harness, Message message)
    {
        Assert.Equal(MessageStatus.Sent, (await harness.MessagesAsync(message.CampaignId)).Single().Status);
        Assert.Equal(0, await harness.QueryAsync(db => db.ProviderStatusEvents.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.InboundMessages.CountAsync()));
        Assert.Equal(0, await harness.QueryAsync(db => db.Suppressions.CountAsync()));
    }
}
