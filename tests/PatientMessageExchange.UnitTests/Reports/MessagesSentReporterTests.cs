using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Reports;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Reports;

[Trait("Database", "Engine")]
public sealed class MessagesSentReporterTests : IDisposable
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly ReportPeriod November =
        ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero), NewYork);
    private static readonly DateTimeOffset MidNovember = new(2026, 11, 15, 15, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>Every mode in every final status once in mid-November, plus some just outside the month.</summary>
    private async Task<ReportHistory> SeedEveryModeAndStatusAsync()
    {
        var history = new ReportHistory(_database.CreateContext());
        var campaign = await history.CampaignAsync("November reminders");
        foreach (var mode in Enum.GetValues<ContactMode>())
        {
            foreach (var status in StatusCounts.Columns)
            {
                await history.MessageAsync(campaign, mode, status, MidNovember);
            }
        }
        // Oct 31 23:59 and Dec 1 00:00 in New York: outside. Nov 1 00:00 and Nov 30 23:59: inside.
        await history.MessageAsync(campaign, ContactMode.Email, MessageStatus.Sent, new DateTimeOffset(2026, 11, 1, 3, 59, 0, TimeSpan.Zero));
        await history.MessageAsync(campaign, ContactMode.Email, MessageStatus.Sent, new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero));
        await history.MessageAsync(campaign, ContactMode.Text, MessageStatus.Delivered, new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
        await history.MessageAsync(campaign, ContactMode.Phone, MessageStatus.Failed, new DateTimeOffset(2026, 12, 1, 4, 59, 0, TimeSpan.Zero));
        // Rejected by the receiving server at send time: bounced, but released, never charged.
        await history.MessageAsync(campaign, ContactMode.WorkEmail, MessageStatus.Bounced, MidNovember, rejectedAtSend: true);
        await history.InboundChargeAsync(501, MidNovember);
        await history.InboundChargeAsync(502, MidNovember.AddDays(1));
        await history.InboundChargeAsync(503, new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero));
        return history;
    }

    [Fact]
    public async Task Build_SeededHistory_CountsEachModeByFinalStatusWithinTheLocalMonth()
    {
        await SeedEveryModeAndStatusAsync();

        var report = await new MessagesSentReporter(_database.CreateContext()).BuildAsync(November);

        Assert.Equal(Enum.GetValues<ContactMode>(), report.Groups.Select(g => g.Mode));
        var email = report.Groups.Single(g => g.Mode == ContactMode.Email);
        Assert.Equal(new StatusCounts(Sent: 1, Delivered: 1, Undelivered: 1, Bounced: 1, Failed: 1, Cancelled: 1), email.Counts);
        var text = report.Groups.Single(g => g.Mode == ContactMode.Text);
        Assert.Equal(2, text.Counts.Delivered);
        var phone = report.Groups.Single(g => g.Mode == ContactMode.Phone);
        Assert.Equal(2, phone.Counts.Failed);
        var workEmail = report.Groups.Single(g => g.Mode == ContactMode.WorkEmail);
        Assert.Equal(2, workEmail.Counts.Bounced);
        Assert.Equal(5 * 6 + 3, report.OutboundCounts.Total);
    }

    [Fact]
    public async Task Build_SeededHistory_ChargesOnlyMessagesAProviderAccepted()
    {
        await SeedEveryModeAndStatusAsync();

        var report = await new MessagesSentReporter(_database.CreateContext()).BuildAsync(November);

        // Four charged statuses per mode (sent, delivered, undelivered, bounced); failed and cancelled cost nothing.
        Assert.Equal(4 * 1, report.Groups.Single(g => g.Mode == ContactMode.Email).Credits);
        Assert.Equal(4 * 3 + 3, report.Groups.Single(g => g.Mode == ContactMode.Text).Credits);
        Assert.Equal(4 * 5, report.Groups.Single(g => g.Mode == ContactMode.Phone).Credits);
        Assert.Equal(4 * 1, report.Groups.Single(g => g.Mode == ContactMode.WorkEmail).Credits); // the rejected one is free
        Assert.Equal(4 * 5, report.Groups.Single(g => g.Mode == ContactMode.WorkPhone).Credits);
        Assert.Equal(new InboundRepliesGroup(2, 6), report.Inbound);
        Assert.Equal(4 + 15 + 20 + 4 + 20 + 6, report.TotalCredits);
    }

    [Fact]
    public async Task Build_WhenLedgerAgrees_Reconciles()
    {
        await SeedEveryModeAndStatusAsync();

        var report = await new MessagesSentReporter(_database.CreateContext()).BuildAsync(November);

        Assert.Equal(report.TotalCredits, report.ChargedPerLedger);
        Assert.True(report.Reconciles);
    }

    [Fact]
    public async Task Build_WhenLedgerHasAChargeNoMessageExplains_FlagsTheDifference()
    {
        var history = await SeedEveryModeAndStatusAsync();
        await history.StrayChargeAsync(5, MidNovember);

        var report = await new MessagesSentReporter(_database.CreateContext()).BuildAsync(November);

        Assert.False(report.Reconciles);
        Assert.Equal(5, report.LedgerDifference);
    }

    [Fact]
    public async Task List_OneMode_PagesOldestFirstWithPlainWordErrors()
    {
        var history = new ReportHistory(_database.CreateContext());
        var campaign = await history.CampaignAsync("Flu clinic", Need.GeneralAnnouncement);
        for (var i = 0; i < 25; i++)
        {
            await history.MessageAsync(campaign, ContactMode.Text, MessageStatus.Delivered, MidNovember.AddMinutes(i));
        }
        await history.MessageAsync(campaign, ContactMode.Text, MessageStatus.Failed, MidNovember.AddMinutes(-1),
            error: "Twilio error 21211: Invalid 'To' Phone Number");
        await history.MessageAsync(campaign, ContactMode.Email, MessageStatus.Sent, MidNovember);
        var reporter = new MessagesSentReporter(_database.CreateContext());

        var first = await reporter.ListAsync(November, new MessagesSentFilter(Mode: ContactMode.Text), page: 1, pageSize: 10);
        var last = await reporter.ListAsync(November, new MessagesSentFilter(Mode: ContactMode.Text), page: 3, pageSize: 10);

        Assert.Equal(26, first.TotalCount);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(MessageStatus.Failed, first.Items[0].Status);
        Assert.Equal("Not a valid phone number. Correct it in the patient's record.", first.Items[0].Problem);
        Assert.Equal(0, first.Items[0].Credits);
        Assert.Equal(3, first.Items[1].Credits);
        Assert.Equal("Flu clinic", first.Items[1].Campaign);
        Assert.Equal(6, last.Items.Count);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.WhenUtc <= p.Second.WhenUtc));
    }

    [Fact]
    public async Task List_WithCampaignNeedStaffAndStatusFilters_KeepsOnlyMatchingMessages()
    {
        var history = new ReportHistory(_database.CreateContext());
        var reminders = await history.CampaignAsync("Reminders", Need.AppointmentReminder, "u1", "Ana");
        var billing = await history.CampaignAsync("Billing", Need.Billing, "u2", "Ben");
        await history.MessageAsync(reminders, ContactMode.Email, MessageStatus.Sent, MidNovember);
        await history.MessageAsync(reminders, ContactMode.Email, MessageStatus.Failed, MidNovember);
        await history.MessageAsync(billing, ContactMode.Email, MessageStatus.Sent, MidNovember);
        var reporter = new MessagesSentReporter(_database.CreateContext());

        var byCampaign = await reporter.ListAsync(November, new MessagesSentFilter(CampaignId: billing.Id), 1);
        var byNeed = await reporter.ListAsync(November, new MessagesSentFilter(Need: Need.AppointmentReminder), 1);
        var byStaff = await reporter.ListAsync(November, new MessagesSentFilter(StaffUserId: "u2"), 1);
        var byStatus = await reporter.ListAsync(November, new MessagesSentFilter(Status: MessageStatus.Failed), 1);

        Assert.Equal(["Billing"], byCampaign.Items.Select(r => r.Campaign));
        Assert.Equal(2, byNeed.TotalCount);
        Assert.Equal(["Ben"], byStaff.Items.Select(r => r.Sender));
        Assert.Equal([MessageStatus.Failed], byStatus.Items.Select(r => r.Status));
    }

    [Fact]
    public async Task Stream_ReturnsTheSameRowsAsThePages()
    {
        await SeedEveryModeAndStatusAsync();
        var reporter = new MessagesSentReporter(_database.CreateContext());

        var paged = await reporter.ListAsync(November, MessagesSentFilter.None, 1, pageSize: 500);
        var streamed = new List<MessagesSentRow>();
        await foreach (var row in reporter.StreamAsync(November, MessagesSentFilter.None))
        {
            streamed.Add(row);
        }

        Assert.Equal(paged.Items, streamed);
        Assert.Equal(33, streamed.Count);
    }
}
