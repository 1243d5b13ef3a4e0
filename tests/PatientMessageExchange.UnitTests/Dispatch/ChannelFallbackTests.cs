using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.UnitTests.Dispatch;

public sealed class ChannelFallbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private static readonly MessageTemplate AllParts = new()
    {
        Name = "all", EmailSubject = "s", EmailHtmlBody = "<p>b</p>", SmsBody = "t", VoiceScript = "v",
    };

    private static readonly IReadOnlyList<ResolvedContact> TextPhoneEmail =
    [
        new(1, ContactMode.Text, "+16175550101", null),
        new(2, ContactMode.Text, "+16175550102", null),
        new(3, ContactMode.Phone, "+16175550103", null),
        new(4, ContactMode.Email, "family@example.com", null),
    ];

    private static Appointment Appointment(AppointmentStatus status, DateTimeOffset start) =>
        new() { Location = "Main", AppointmentType = "Well visit", Status = status, StartUtc = start };

    [Theory]
    [InlineData(MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Bounced, true)]
    [InlineData(MessageStatus.Undelivered, true)]
    [InlineData(MessageStatus.Sent, false)]
    [InlineData(MessageStatus.Delivered, false)]
    [InlineData(MessageStatus.Cancelled, false)]
    [InlineData(MessageStatus.Queued, false)]
    [InlineData(MessageStatus.Sending, false)]
    public void IsFinalFailure_OnlyForMessagesThatDidNotReachThePatient(MessageStatus status, bool expected) =>
        Assert.Equal(expected, ChannelFallback.IsFinalFailure(status));

    [Theory]
    [InlineData(CampaignKind.Confirmation, AppointmentStatus.Scheduled, 24, false)]
    [InlineData(CampaignKind.Confirmation, AppointmentStatus.Confirmed, 24, true)]
    [InlineData(CampaignKind.Confirmation, AppointmentStatus.Cancelled, 24, true)]
    [InlineData(CampaignKind.Confirmation, AppointmentStatus.Scheduled, -1, true)]
    [InlineData(CampaignKind.Personalized, AppointmentStatus.Confirmed, 24, false)]
    [InlineData(CampaignKind.Personalized, AppointmentStatus.Cancelled, 24, true)]
    [InlineData(CampaignKind.Personalized, AppointmentStatus.NoShow, 24, true)]
    [InlineData(CampaignKind.Personalized, AppointmentStatus.Scheduled, 0, true)]
    public void IsSettled_ConfirmedCountsOnlyForConfirmations_PastOrCancelledForAll(CampaignKind kind, AppointmentStatus status,
        int hoursAhead, bool expected) =>
        Assert.Equal(expected, ChannelFallback.IsSettled(kind, Appointment(status, Now.AddHours(hoursAhead)), Now));

    [Fact]
    public void NextContact_SkipsEveryPointOfATriedMode_EvenUnflagged() =>
        Assert.Equal(3, ChannelFallback.NextContact(AllParts, TextPhoneEmail, new HashSet<ContactMode> { ContactMode.Text })!.ContactPointId);

    [Fact]
    public void NextContact_SkipsModesTheTemplateHasNoPartFor()
    {
        var noVoice = new MessageTemplate { Name = "no voice", EmailSubject = "s", EmailHtmlBody = "<p>b</p>", SmsBody = "t" };

        var next = ChannelFallback.NextContact(noVoice, TextPhoneEmail, new HashSet<ContactMode> { ContactMode.Text });

        Assert.Equal(ContactMode.Email, next!.Mode);
    }

    [Fact]
    public void NextContact_IsNullOnceEveryModeWasTried() =>
        Assert.Null(ChannelFallback.NextContact(AllParts, TextPhoneEmail,
            new HashSet<ContactMode> { ContactMode.Text, ContactMode.Phone, ContactMode.Email }));
}
