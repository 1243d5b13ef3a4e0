using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

public sealed class ConfirmationDispatchTests
{
    [Fact]
    public async Task No_confirmation_request_goes_out_for_an_appointment_already_confirmed()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);
        var (confirmedId, openId) = await harness.QueryAsync(async db =>
        {
            var provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" };
            Appointment Booked(string chart, AppointmentStatus status) => new()
            {
                Patient = new Patient { ChartNumber = chart, FirstName = "Kid", LastName = chart, DateOfBirth = new DateOnly(2019, 1, 1) },
                Provider = provider, Location = "Main", AppointmentType = "Well visit", Status = status,
                StartUtc = harness.App.Clock.GetUtcNow().AddDays(1),
            };
            var confirmed = Booked("C1", AppointmentStatus.Confirmed);
            var open = Booked("O1", AppointmentStatus.Scheduled);
            db.Appointments.AddRange(confirmed, open);
            await db.SaveChangesAsync();
            return (confirmed.Id, open.Id);
        });
        var draft = DispatchHarness.EmailDraft(2) with
        {
            Kind = CampaignKind.Confirmation,
            Messages =
            [
                new PlannedMessage(null, null, confirmedId, ContactMode.Email, "done@example.com", "Please confirm", "<p>Confirm</p>", "en", 0, 1),
                new PlannedMessage(null, null, openId, ContactMode.Email, "open@example.com", "Please confirm", "<p>Confirm</p>", "en", 0, 1),
            ],
        };
        var created = await harness.CreateAsync(draft);

        await harness.RunQueuedBatchesAsync();

        var messages = await harness.MessagesAsync(created.CampaignId!.Value);
        Assert.Equal(MessageStatus.Cancelled, messages.Single(m => m.AppointmentId == confirmedId).Status);
        Assert.Equal(MessageStatus.Sent, messages.Single(m => m.AppointmentId == openId).Status);
        Assert.Equal(["open@example.com"], harness.Sink.Received.Select(r => r.Recipients.Single()));
        var kinds = await harness.QueryAsync(db => db.CreditLedgerEntries.Where(e => e.CampaignId == created.CampaignId)
            .Select(e => e.Kind).ToListAsync());
        Assert.Contains(CreditEntryKind.Release, kinds);
        Assert.Equal((9, 0), ((await harness.BalanceAsync()).Available, (await harness.BalanceAsync()).Reserved));
    }
}
