using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.IntegrationTests.Twilio;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// Replies to a confirmation text through the signed Twilio webhook: X, CANCELAR or "cancel appointment" cancel the
/// appointment (audited, on the Cancellations worklist, answered); plain CANCEL stays an opt-out (R5); a reply after the
/// appointment has passed is answered politely and changes nothing.
/// </summary>
public sealed class CancellationReplyTests
{
    private const string SmsPath = "/webhooks/twilio/sms";

    [Theory]
    [InlineData("x")]
    [InlineData(" Cancelar ")]
    [InlineData("cancel  appointment")]
    public async Task A_cancel_reply_cancels_the_appointment_once_and_puts_it_on_the_worklist(string body)
    {
        await using var harness = await TelephonyHarness.StartAsync();
        var family = await harness.AddFamilyAsync("+16175550151");
        await harness.SendConfirmationsAsync();

        var first = await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMx1", "+16175550151", body));
        harness.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMx2", "+16175550151", body));

        Assert.Equal(200, first.StatusCode);
        Assert.Contains("your appointment is cancelled", Answer(first));
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Cancelled, "text reply"), (appointment.Status, appointment.CancelledBy));
        Assert.Equal(1, await harness.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AppointmentCancelled)));
        Assert.Equal(InboundKind.Cancellation, await harness.QueryAsync(db => db.InboundMessages.Where(i => i.ProviderSid == "SMx1").Select(i => i.Kind).SingleAsync()));
        var frontDesk = await harness.App.SignInAsRoleAsync(Roles.FrontDesk);
        var worklist = await frontDesk.GetStringAsync("/Cancellations");
        Assert.Contains("Testcase, Avery", worklist);
        Assert.Contains("by text reply", worklist);
    }

    [Fact]
    public async Task Plain_CANCEL_still_opts_the_number_out_and_leaves_the_appointment()
    {
        await using var harness = await TelephonyHarness.StartAsync();
        var family = await harness.AddFamilyAsync("+16175550152");
        await harness.SendConfirmationsAsync();

        await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMc1", "+16175550152", "CANCEL"));

        Assert.Equal(InboundKind.Stop, await harness.QueryAsync(db => db.InboundMessages.Select(i => i.Kind).SingleAsync()));
        Assert.Equal(AppointmentStatus.Scheduled, await harness.QueryAsync(db => db.Appointments.Where(a => a.Id == family.AppointmentId).Select(a => a.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("C")]
    [InlineData("X")]
    public async Task A_reply_after_the_appointment_has_passed_is_answered_politely_and_changes_nothing(string body)
    {
        await using var harness = await TelephonyHarness.StartAsync();
        var family = await harness.AddFamilyAsync("+16175550153");
        await harness.SendConfirmationsAsync();
        harness.App.Clock.Advance(TimeSpan.FromDays(3));

        var response = await harness.PostAsync(SmsPath, TelephonyHarness.InboundText("SMlate", "+16175550153", body));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("already passed, so nothing was changed", Answer(response));
        var appointment = await harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == family.AppointmentId));
        Assert.Equal((AppointmentStatus.Scheduled, null, null), (appointment.Status, appointment.ConfirmedUtc, appointment.CancelledUtc));
        Assert.Equal(0, await harness.QueryAsync(db => db.AuditEvents.CountAsync(a =>
            a.Action == AuditActions.AppointmentCancelled || a.Action == AuditActions.AppointmentConfirmed)));
    }

    private static string Answer(WebhookResponse response) =>
        string.Concat(XDocument.Parse(response.Body).Descendants("Message").Select(m => m.Value));
}
