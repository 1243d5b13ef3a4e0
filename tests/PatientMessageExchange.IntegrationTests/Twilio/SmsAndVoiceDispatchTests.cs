using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.FixRecords;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Twilio;

public sealed class SmsAndVoiceDispatchTests
{
    [Fact]
    public async Task The_SDK_sends_To_From_Body_and_the_status_callback()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        await harness.SendTextsAsync(("+16175550201", null));

        var request = Assert.Single(harness.Api.CreateRequests);
        Assert.Equal("+16175550201", request["To"]);
        Assert.Equal(TelephonyHarness.FromNumber, request["From"]);
        Assert.Equal("Reminder 0 for +16175550201", request["Body"]);
        Assert.Equal("https://pmx.example/webhooks/twilio/status", request["StatusCallback"]);
    }

    [Fact]
    [Trait("Check", "R6")]
    public async Task R6_accepted_then_500_is_looked_up_and_the_patient_receives_exactly_one_message()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        harness.Api.Script.Enqueue(new FakeAnswer(FakeAnswerKind.AcceptThenFail));

        var campaignId = await harness.SendTextsAsync(("+16175550211", null));
        await harness.RunScheduledBatchesAsync();

        var created = Assert.Single(harness.Api.Created);
        var message = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.Equal(created.Sid, message.ProviderMessageId);
        Assert.True(harness.Api.Lookups >= 1);
    }

    [Fact]
    [Trait("Check", "R6")]
    public async Task R6_a_500_that_created_nothing_is_looked_up_before_the_resend_and_sent_once()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        harness.Api.Script.Enqueue(new FakeAnswer(FakeAnswerKind.ServerError));

        var campaignId = await harness.SendTextsAsync(("+16175550212", null));
        Assert.Equal(MessageStatus.Queued, Assert.Single(await harness.MessagesAsync(campaignId)).Status);
        await harness.RunScheduledBatchesAsync();

        Assert.Single(harness.Api.Created);
        Assert.Equal(2, harness.Api.CreateRequests.Count);
        Assert.True(harness.Api.Lookups >= 2);
        Assert.Equal(MessageStatus.Sent, Assert.Single(await harness.MessagesAsync(campaignId)).Status);
    }

    [Fact]
    [Trait("Check", "R6")]
    public async Task Throttled_429s_wait_for_Retry_After_and_nothing_is_lost_or_duplicated()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        harness.Api.Script.Enqueue(new FakeAnswer(FakeAnswerKind.Throttle, RetryAfterSeconds: 7));
        harness.Api.Script.Enqueue(new FakeAnswer(FakeAnswerKind.Throttle, RetryAfterSeconds: 7));
        var numbers = Enumerable.Range(0, 20).Select(i => ($"+161755503{i:D2}", (int?)null)).ToArray();
        var start = harness.App.Clock.GetUtcNow();

        var campaignId = await harness.SendTextsAsync(numbers);
        var waiting = (await harness.MessagesAsync(campaignId)).Where(m => m.Status == MessageStatus.Queued).ToList();
        await harness.RunScheduledBatchesAsync();

        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, m => Assert.InRange(m.NextAttemptUtc!.Value, start.AddSeconds(6.99), start.AddSeconds(7.01)));
        Assert.Equal(20, harness.Api.Created.Count);
        Assert.Equal(20, harness.Api.Created.Select(c => c.To).Distinct().Count());
        Assert.All(await harness.MessagesAsync(campaignId), m => Assert.Equal(MessageStatus.Sent, m.Status));
    }

    [Fact]
    [Trait("Check", "R4")]
    public async Task R4_30003_is_retried_once_later()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        var campaignId = await harness.SendTextsAsync(("+16175550221", null));
        var sid = Assert.Single(harness.Api.Created).Sid;

        await harness.PostAsync("/webhooks/twilio/status", TelephonyHarness.Status(sid, "undelivered", 30003));
        await harness.PostAsync("/webhooks/twilio/status", TelephonyHarness.Status(sid, "failed", 30003));
        var (retryBatch, due) = Assert.Single(harness.Queue.Scheduled);
        Assert.True(due > harness.App.Clock.GetUtcNow());
        await harness.RunScheduledBatchesAsync();
        var retrySid = harness.Api.Created.Last().Sid;
        await harness.PostAsync("/webhooks/twilio/status", TelephonyHarness.Status(retrySid, "undelivered", 30003));

        var messages = await harness.MessagesAsync(campaignId);
        Assert.Equal(2, messages.Count);
        Assert.Equal(MessageStatus.Undelivered, messages[0].Status);
        Assert.Equal(messages[0].Id, messages[1].RetryOfMessageId);
        Assert.Equal(2, harness.Api.Created.Count);
        Assert.Empty(harness.Queue.Scheduled);
        Assert.True(retryBatch > 0);
    }

    [Fact]
    [Trait("Check", "R4")]
    public async Task R4_30006_30005_21610_and_21211_flag_the_contact_point_and_appear_in_fix_records()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        var landline = await harness.AddFamilyAsync("+16175550231");
        var unknown = await harness.AddFamilyAsync("+16175550232");
        var unsubscribed = await harness.AddFamilyAsync("+16175550233");
        var invalid = await harness.AddFamilyAsync("+16175550234");
        harness.Api.RefuseNumbers["+16175550233"] = 21610;
        harness.Api.RefuseNumbers["+16175550234"] = 21211;

        var campaignId = await harness.SendTextsAsync(("+16175550231", landline.TextPointId), ("+16175550232", unknown.TextPointId),
            ("+16175550233", unsubscribed.TextPointId), ("+16175550234", invalid.TextPointId));
        var sids = harness.Api.Created.ToDictionary(c => c.To, c => c.Sid);
        await harness.PostAsync("/webhooks/twilio/status", TelephonyHarness.Status(sids["+16175550231"], "undelivered", 30006));
        await harness.PostAsync("/webhooks/twilio/status", TelephonyHarness.Status(sids["+16175550232"], "undelivered", 30005));

        var points = await harness.QueryAsync(db => db.ContactPoints.AsNoTracking().ToDictionaryAsync(c => c.Id));
        Assert.Equal((ContactPointStatus.Invalid, "landline: use voice"), (points[landline.TextPointId].Status, points[landline.TextPointId].StatusReason));
        Assert.Equal(ContactPointStatus.Invalid, points[unknown.TextPointId].Status);
        Assert.Equal(ContactPointStatus.OptedOut, points[unsubscribed.TextPointId].Status);
        Assert.Equal(ContactPointStatus.Invalid, points[invalid.TextPointId].Status);
        var balance = await harness.BalanceAsync();
        Assert.Equal(0, balance.Reserved);

        await using var scope = harness.App.Services.CreateAsyncScope();
        var worklist = await scope.ServiceProvider.GetRequiredService<FixRecordsWorklist>().ListAsync(new FixRecordsQuery());
        var byPoint = worklist.Items.ToDictionary(i => i.ContactPointId);
        Assert.Equal(FixReason.LandlineForText, byPoint[landline.TextPointId].Reason);
        Assert.Contains("voice", byPoint[landline.TextPointId].Detail);
        Assert.Equal(FixReason.Invalid, byPoint[unknown.TextPointId].Reason);
        Assert.Equal(FixReason.OptedOut, byPoint[unsubscribed.TextPointId].Reason);
        Assert.Equal(FixReason.Invalid, byPoint[invalid.TextPointId].Reason);
        Assert.Equal(4, (await harness.MessagesAsync(campaignId)).Count);
    }

    private static async Task<(TelephonyHarness Harness, Family Family, long MessageId)> CalledAsync(string language = "en")
    {
        var harness = await TelephonyHarness.StartAsync();
        var family = await harness.AddFamilyAsync("+16175550241", landline: "+16175550242", language: language, appointmentType: "Immunization");
        await harness.QueryAsync(db => db.ContactPoints.Where(c => c.Id == family.TextPointId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactPointStatus.Invalid)));
        await harness.SendConfirmationsAsync();
        var call = Assert.Single(harness.Api.Created);
        Assert.False(call.IsMessage);
        var messageId = await harness.QueryAsync(db => db.Messages.Where(m => m.Channel == Channel.Voice).Select(m => m.Id).SingleAsync());
        Assert.Equal($"https://pmx.example/webhooks/twilio/voice/{messageId}", call.Fields["Url"]);
        return (harness, family, messageId);
    }

    [Fact]
    [Trait("Check", "R7")]
    public async Task R7_the_call_TwiML_speaks_the_script_with_a_gather_and_no_clinical_detail()
    {
        var (harness, _, messageId) = await CalledAsync();
        await using var _h = harness;

        var twiml = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}", new Dictionary<string, string> { ["CallSid"] = "CA1", ["AnsweredBy"] = "human" });

        Assert.Equal(200, twiml.StatusCode);
        Assert.Contains("<Gather", twiml.Body);
        Assert.Contains("numDigits=\"1\"", twiml.Body);
        Assert.Contains("Press 1 to confirm, 2 to cancel the appointment, or 3 to ask us to call you back.", twiml.Body);
        Assert.Contains("Doctor Lee", twiml.Body);
        Assert.DoesNotContain("Dr. Lee", twiml.Body);
        Assert.DoesNotContain("Immunization", twiml.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1995", twiml.Body);
    }

    [Fact]
    [Trait("Check", "R7")]
    public async Task R7_pressing_1_posted_twice_confirms_once()
    {
        var (harness, family, messageId) = await CalledAsync();
        await using var _h = harness;
        var press = new Dictionary<string, string> { ["CallSid"] = "CA1", ["Digits"] = "1" };

        var first = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", press);
        var second = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", press);

        Assert.Contains("confirmed", first.Body);
        Assert.Equal(200, second.StatusCode);
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Confirmed, "phone keypress"), (appointment.Status, appointment.ConfirmedBy));
        Assert.Equal(1, await harness.QueryAsync(db => db.InboundMessages.CountAsync(i => i.Kind == InboundKind.Confirmation)));
        Assert.Equal(1, await harness.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AppointmentConfirmed)));
    }

    [Fact]
    [Trait("Check", "R7")]
    public async Task R7_the_Spanish_call_says_the_menu_in_Spanish()
    {
        var (harness, _, messageId) = await CalledAsync("es");
        await using var _h = harness;

        var twiml = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}", new Dictionary<string, string> { ["CallSid"] = "CA1", ["AnsweredBy"] = "human" });

        Assert.Contains("Oprima 1 para confirmar, 2 para cancelar la cita, o 3 para que le llamemos.", twiml.Body);
        Assert.Contains("oprima 2", twiml.Body);
        Assert.Contains("es-US", twiml.Body);
    }

    [Fact]
    public async Task Pressing_2_posted_twice_cancels_once_audited_and_on_the_Cancellations_worklist()
    {
        var (harness, family, messageId) = await CalledAsync();
        await using var _h = harness;
        var press = new Dictionary<string, string> { ["CallSid"] = "CA1", ["Digits"] = "2" };

        var first = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", press);
        var second = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", press);

        Assert.Equal((200, 200), (first.StatusCode, second.StatusCode));
        Assert.Contains("Your appointment is cancelled", first.Body);
        Assert.Contains("Your appointment is cancelled", second.Body);
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Cancelled, "phone keypress"), (appointment.Status, appointment.CancelledBy));
        Assert.Equal(1, await harness.QueryAsync(db => db.InboundMessages.CountAsync(i => i.Kind == InboundKind.Cancellation)));
        var audit = await harness.QueryAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AuditActions.AppointmentCancelled));
        Assert.Equal(("patient", "Cancelled by phone keypress"), (audit.UserName, audit.Detail));
        var frontDesk = await harness.App.SignInAsRoleAsync(Roles.FrontDesk);
        var worklist = await frontDesk.GetStringAsync("/Cancellations");
        Assert.Contains("Testcase, Avery", worklist);
        Assert.Contains("by phone keypress", worklist);
    }

    [Fact]
    [Trait("Check", "R7")]
    public async Task Pressing_3_asks_for_a_call_back_and_changes_nothing()
    {
        var (harness, family, messageId) = await CalledAsync("es");
        await using var _h = harness;

        var answer = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", new Dictionary<string, string> { ["CallSid"] = "CA1", ["Digits"] = "3" });

        Assert.Contains("Le llamaremos", answer.Body);
        Assert.Equal(InboundKind.CallbackRequest, await harness.QueryAsync(db => db.InboundMessages.Select(i => i.Kind).SingleAsync()));
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal(AppointmentStatus.Scheduled, appointment.Status);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task A_keypress_after_the_appointment_has_started_is_answered_politely_and_changes_nothing(string digit)
    {
        var (harness, family, messageId) = await CalledAsync();
        await using var _h = harness;
        harness.App.Clock.Advance(TimeSpan.FromDays(3));

        var answer = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", new Dictionary<string, string> { ["CallSid"] = "CA1", ["Digits"] = digit });

        Assert.Equal(200, answer.StatusCode);
        Assert.Contains("already passed, so nothing was changed", answer.Body);
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Scheduled, null, null), (appointment.Status, appointment.ConfirmedUtc, appointment.CancelledUtc));
        Assert.Equal(0, await harness.QueryAsync(db => db.AuditEvents.CountAsync(a =>
            a.Action == AuditActions.AppointmentCancelled || a.Action == AuditActions.AppointmentConfirmed)));
    }

    [Theory]
    [InlineData("1", AppointmentStatus.Confirmed)]
    [InlineData("2", AppointmentStatus.Cancelled)]
    public async Task A_keypress_on_an_automated_call_that_named_a_sibling_answers_for_both_appointments(string digit, AppointmentStatus expected)
    {
        var (harness, family, messageId) = await CalledAsync();
        await using var _h = harness;
        // The scheduler merged a brother's appointment into this call: its decision row names the call's campaign and number.
        var sibling = await harness.QueryAsync(async db =>
        {
            var call = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId);
            var first = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId);
            var brother = new Appointment
            {
                PatientId = first.PatientId, ProviderId = first.ProviderId, StartUtc = first.StartUtc.AddMinutes(30), Location = first.Location,
                AppointmentType = first.AppointmentType,
            };
            db.Appointments.Add(brother);
            await db.SaveChangesAsync();
            var rule = await db.AutomationRules.FirstAsync(r => r.Kind == Core.Automation.AutomationKind.Confirmation);
            db.AutomatedSends.Add(new Core.Automation.AutomatedSend
            {
                RuleId = rule.Id, AppointmentId = brother.Id, AppointmentStartUtc = brother.StartUtc, PatientId = brother.PatientId,
                DecidedUtc = harness.App.Clock.GetUtcNow(), PracticeDay = harness.Tomorrow().AddDays(-1),
                Outcome = Core.Automation.AutomatedSendOutcome.Merged, CampaignId = call.CampaignId, Address = call.Address,
            });
            await db.SaveChangesAsync();
            return brother.Id;
        });

        await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", new Dictionary<string, string> { ["CallSid"] = "CA1", ["Digits"] = digit });

        var statuses = await harness.QueryAsync(db => db.Appointments.AsNoTracking()
            .Where(a => a.Id == family.AppointmentId || a.Id == sibling).Select(a => a.Status).ToListAsync());
        Assert.Equal([expected, expected], statuses);
    }

    [Fact]
    [Trait("Check", "R7")]
    public async Task R7_no_input_records_no_response_and_a_machine_gets_a_voicemail()
    {
        var (harness, family, messageId) = await CalledAsync("es");
        await using var _h = harness;

        await harness.PostAsync($"/webhooks/twilio/voice/{messageId}/gather", new Dictionary<string, string> { ["CallSid"] = "CA1" });
        var machine = await harness.PostAsync($"/webhooks/twilio/voice/{messageId}", new Dictionary<string, string> { ["CallSid"] = "CA2", ["AnsweredBy"] = "machine_end_beep" });

        var kinds = (await harness.QueryAsync(db => db.InboundMessages.Select(i => i.Kind).ToListAsync())).Order().ToList();
        Assert.Equal([InboundKind.NoResponse, InboundKind.MachineAnswered], kinds);
        Assert.DoesNotContain("<Gather", machine.Body);
        Assert.Contains("es-US", machine.Body);
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal(AppointmentStatus.Scheduled, appointment.Status);
    }

    [Fact]
    public async Task In_the_outbox_default_a_text_is_recorded_and_its_simulated_callbacks_end_delivered()
    {
        await using var harness = await TelephonyHarness.StartAsync(provider: "Outbox");
        await harness.AddFamilyAsync("+16175550251");

        var campaignId = await harness.SendConfirmationsAsync();

        var message = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal(MessageStatus.Delivered, message.Status);
        Assert.Empty(harness.Api.Created);
        Assert.Single(Core.Channels.Outbox.OutboxTelephony.List(Path.Combine(harness.App.DataFolder, "outbox"), "sms"));
    }
}
