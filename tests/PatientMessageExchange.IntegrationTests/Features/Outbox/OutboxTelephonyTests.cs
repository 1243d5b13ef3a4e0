using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using PatientMessageExchange.IntegrationTests.Twilio;

namespace PatientMessageExchange.IntegrationTests.Features.Outbox;

/// <summary>The Outbox page's Texts and Calls tabs, where staff answer as the patient through the real reply handlers.</summary>
public sealed class OutboxTelephonyTests
{
    private const string Mobile = "+16175550301";
    private const string Landline = "+16175550302";

    private static async Task<(TelephonyHarness Harness, Family Family, HttpClient Client)> TextedAsync()
    {
        var harness = await TelephonyHarness.StartAsync(provider: "Outbox");
        var family = await harness.AddFamilyAsync(Mobile, landline: Landline);
        await harness.SendConfirmationsAsync();
        return (harness, family, await harness.App.SignInAsRoleAsync(Roles.FrontDesk));
    }

    private static async Task<(TelephonyHarness Harness, Family Family, HttpClient Client, long CallId)> CalledAsync()
    {
        var harness = await TelephonyHarness.StartAsync(provider: "Outbox");
        var family = await harness.AddFamilyAsync(Mobile, landline: Landline);
        await harness.QueryAsync(db => db.ContactPoints.Where(c => c.Id == family.TextPointId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactPointStatus.Invalid)));
        await harness.SendConfirmationsAsync();
        var callId = await harness.QueryAsync(db => db.Messages.Where(m => m.Channel == Channel.Voice).Select(m => m.Id).SingleAsync());
        return (harness, family, await harness.App.SignInAsRoleAsync(Roles.FrontDesk), callId);
    }

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient client, string number, string body) =>
        client.PostFormAsync("/Outbox/SimulateReply", new Dictionary<string, string> { ["Number"] = number, ["Body"] = body }, tokenFrom: "/Outbox/Texts");

    private static Task<HttpResponseMessage> PressAsync(HttpClient client, long callId, string keypress) =>
        client.PostFormAsync($"/Outbox/SimulateKeypress/{callId}", new Dictionary<string, string> { ["keypress"] = keypress }, tokenFrom: "/Outbox/Calls");

    [Fact]
    public async Task The_texts_tab_lists_each_sent_text_with_segments_and_status_and_a_reply_form_for_its_number()
    {
        var (harness, _, client) = await TextedAsync();
        await using var _h = harness;

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/Outbox/Texts")).Content.ReadAsStringAsync());

        Assert.Contains($"Texts with {Mobile}", html);
        Assert.Contains(">Delivered<", html);
        Assert.Contains($"Simulate a reply from {Mobile}", html);
        Assert.Contains($"name=\"Number\" value=\"{Mobile}\"", html);
    }

    [Fact]
    public async Task Replying_C_confirms_the_appointment_by_text_reply_and_charges_the_text_rate()
    {
        var (harness, family, client) = await TextedAsync();
        await using var _h = harness;
        var before = await harness.BalanceAsync();

        var response = await ReplyAsync(client, Mobile, "C");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Confirmed, "text reply"), (appointment.Status, appointment.ConfirmedBy));
        Assert.Equal(before.Available - 3, (await harness.BalanceAsync()).Available);
        Assert.Equal(1, await harness.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.OutboxReplySimulated)));
        var page = await (await client.GetAsync("/Outbox/Texts")).Content.ReadAsStringAsync();
        Assert.Contains("Handled as Confirmation", page);
    }

    [Fact]
    [Trait("Check", "R5")]
    public async Task Replying_STOP_opts_the_number_out_at_once_for_free()
    {
        var (harness, family, client) = await TextedAsync();
        await using var _h = harness;
        var before = await harness.BalanceAsync();

        await ReplyAsync(client, Mobile, " stop ");

        var point = await harness.QueryAsync(db => db.ContactPoints.AsNoTracking().SingleAsync(c => c.Id == family.TextPointId));
        Assert.Equal(ContactPointStatus.OptedOut, point.Status);
        Assert.Equal(before.Available, (await harness.BalanceAsync()).Available);
    }

    [Fact]
    [Trait("Check", "R5")]
    public async Task Replying_HELP_shows_the_answer_with_the_practice_name_and_costs_nothing()
    {
        var (harness, _, client) = await TextedAsync();
        await using var _h = harness;
        var before = await harness.BalanceAsync();

        var response = await ReplyAsync(client, Mobile, "HELP");
        var page = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();

        Assert.Contains("Reply recorded as HELP", page);
        Assert.Contains("Reply STOP to opt out.", page);
        Assert.Equal(before.Available, (await harness.BalanceAsync()).Available);
    }

    [Fact]
    public async Task Any_other_reply_goes_to_the_follow_up_list_and_is_charged()
    {
        var (harness, _, client) = await TextedAsync();
        await using var _h = harness;
        var before = await harness.BalanceAsync();

        await ReplyAsync(client, Mobile, "Can we come at 11 instead?");

        Assert.Equal(before.Available - 3, (await harness.BalanceAsync()).Available);
        var followUps = await (await client.GetAsync("/FollowUp")).Content.ReadAsStringAsync();
        Assert.Contains("Can we come at 11 instead?", followUps);
        Assert.Contains("Reply to read", followUps);
    }

    [Fact]
    public async Task An_empty_reply_is_shown_again_with_the_error_beside_its_field_and_records_nothing()
    {
        var (harness, _, client) = await TextedAsync();
        await using var _h = harness;

        var response = await ReplyAsync(client, Mobile, "  ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is-invalid", html);
        Assert.Contains("Type the reply the patient sends", html);
        Assert.Equal(0, await harness.QueryAsync(db => db.InboundMessages.CountAsync()));
    }

    [Fact]
    public async Task A_reply_from_a_number_the_outbox_never_texted_records_nothing()
    {
        var (harness, _, client) = await TextedAsync();
        await using var _h = harness;

        var response = await ReplyAsync(client, "+16175550399", "C");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await harness.QueryAsync(db => db.InboundMessages.CountAsync()));
    }

    [Fact]
    public async Task The_calls_tab_lists_the_call_with_its_script_and_status()
    {
        var (harness, _, client, callId) = await CalledAsync();
        await using var _h = harness;

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/Outbox/Calls")).Content.ReadAsStringAsync());

        Assert.Contains($"id=\"call-{callId}\"", html);
        Assert.Contains(Landline, html);
        Assert.Contains("Doctor Lee", html);
        Assert.Contains(">Delivered<", html);
    }

    [Fact]
    [Trait("Check", "R7")]
    public async Task Simulated_press_1_confirms_by_phone_keypress_once_even_when_pressed_twice()
    {
        var (harness, family, client, callId) = await CalledAsync();
        await using var _h = harness;

        await PressAsync(client, callId, "One");
        var second = await PressAsync(client, callId, "One");

        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Confirmed, "phone keypress"), (appointment.Status, appointment.ConfirmedBy));
        Assert.Equal(1, await harness.QueryAsync(db => db.InboundMessages.CountAsync(i => i.Kind == InboundKind.Confirmation)));
        var page = await (await client.GetAsync(second.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("already recorded", page);
    }

    [Fact]
    public async Task Simulated_press_2_cancels_the_appointment_by_phone_keypress()
    {
        var (harness, family, client, callId) = await CalledAsync();
        await using var _h = harness;

        var response = await PressAsync(client, callId, "Two");

        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Cancelled, "phone keypress"), (appointment.Status, appointment.CancelledBy));
        Assert.Equal(InboundKind.Cancellation, await harness.QueryAsync(db => db.InboundMessages.Select(i => i.Kind).SingleAsync()));
        var page = WebUtility.HtmlDecode(await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync());
        Assert.Contains("Pressed 2: the appointment is cancelled", page);
    }

    [Theory]
    [InlineData("Three", InboundKind.CallbackRequest)]
    [InlineData("NoInput", InboundKind.NoResponse)]
    [InlineData("Machine", InboundKind.MachineAnswered)]
    public async Task Simulated_call_outcomes_are_recorded_as_such_and_confirm_nothing(string keypress, InboundKind expected)
    {
        var (harness, family, client, callId) = await CalledAsync();
        await using var _h = harness;

        await PressAsync(client, callId, keypress);

        var inbound = await harness.QueryAsync(db => db.InboundMessages.AsNoTracking().SingleAsync());
        Assert.Equal((expected, callId), (inbound.Kind, inbound.MessageId));
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal(AppointmentStatus.Scheduled, appointment.Status);
    }

    [Fact]
    public async Task With_Twilio_as_the_provider_the_texts_and_calls_tabs_and_simulations_do_not_exist()
    {
        await using var harness = await TelephonyHarness.StartAsync(provider: "Twilio");
        var client = await harness.App.SignInAsRoleAsync(Roles.FrontDesk);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Outbox/Texts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Outbox/Calls")).StatusCode);
        var token = await client.GetAntiforgeryTokenAsync("/Schedule");
        var reply = await client.PostAsync("/Outbox/SimulateReply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Number"] = Mobile, ["Body"] = "C", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }
}
