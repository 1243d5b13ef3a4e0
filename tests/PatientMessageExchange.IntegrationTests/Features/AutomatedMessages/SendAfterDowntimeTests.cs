using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// An automated confirmation campaign created just before the process died, and sent when a new process sweeps after
/// the downtime: the message whose appointment has started meanwhile is not sent (cancelled with the reason, its
/// reservation released); the one whose appointment is still ahead goes.
/// </summary>
public sealed class SendAfterDowntimeTests
{
    [Fact]
    public async Task A_message_whose_appointment_started_during_downtime_is_cancelled_with_its_reason_and_its_credits_released()
    {
        // Wednesday, October 28, 2026, 09:00 in New York: the confirmations due the day before are created now.
        await using var h = await AutomationHarness.StartAsync(AutomationHarness.Local(new DateTime(2026, 10, 28, 9, 0, 0)), credits: 100);
        await h.QueryAsync(db => db.AutomationRules.Where(r => r.IsStandard && r.Kind == AutomationKind.Confirmation)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, true)));
        var lee = await h.ProviderAsync("Dr. Lee");
        var ann = await h.PatientAsync("Ann", "ann@example.com");
        var bo = await h.PatientAsync("Bo", "bo@example.com");
        var annVisit = await h.AppointmentAsync(ann, lee, new DateTime(2026, 10, 30, 15, 0, 0));
        var boVisit = await h.AppointmentAsync(bo, lee, new DateTime(2026, 10, 30, 17, 0, 0));

        // The run creates the campaign (credits reserved) and the process dies before any batch runs.
        await using (var scope = h.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AutomationScheduler>().RunAsync();
        }
        Assert.Equal(2, await h.QueryAsync(db => db.Messages.CountAsync(m => m.Status == MessageStatus.Queued)));

        // Back on Friday at 16:00: Ann's 15:00 appointment has started, Bo's 17:00 one has not.
        await h.RestartAsync(AutomationHarness.Local(new DateTime(2026, 10, 30, 16, 0, 0)));

        var messages = await h.QueryAsync(db => db.Messages.AsNoTracking().ToDictionaryAsync(m => m.AppointmentId!.Value));
        Assert.Equal((MessageStatus.Cancelled, "Not sent: the appointment had already started."),
            (messages[annVisit].Status, messages[annVisit].Error));
        Assert.Null(messages[annVisit].SentUtc);
        Assert.Equal(MessageStatus.Sent, messages[boVisit].Status);
        var integrity = await h.WithAsync<CreditIntegrityReport, CreditIntegrityCheck>(check => check.RunAsync());
        Assert.True(integrity.IsConsistent);
        Assert.Equal((100 - messages[boVisit].Cost, 0), (integrity.BalanceAvailable, integrity.BalanceReserved));
    }
}
