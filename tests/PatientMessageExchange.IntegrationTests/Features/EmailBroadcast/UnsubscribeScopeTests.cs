using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.IntegrationTests.Dispatch;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.EmailBroadcast;

/// <summary>
/// Issue 21.1: the unsubscribe link in a broadcast stops announcements only. Reminders, confirmations and recalls go on
/// to the same address, and the patient page says which needs the address still serves.
/// </summary>
public sealed class UnsubscribeScopeTests : IAsyncLifetime
{
    private DispatchHarness _harness = null!;
    private int _patientId;
    private Uri _unsubscribe = null!;

    public async Task InitializeAsync()
    {
        _harness = await DispatchHarness.StartAsync(credits: 100);
        _patientId = await _harness.App.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "family@example.com"));
        await BroadcastHelpers.SendAsync(_harness.App, new BroadcastListRequest { Pasted = "family@example.com" });
        await _harness.RunQueuedBatchesAsync();
        _unsubscribe = BroadcastHelpers.UnsubscribeUrl(_harness.Sink.Received.Single().Message.Headers["List-Unsubscribe"]);
        var client = _harness.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsync(_unsubscribe.PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Care_messages_still_use_the_address_and_announcements_skip_it()
    {
        var resolutions = await ResolveAllAsync();

        // Every care need whose practice default includes email (confirmations default to text, then phone).
        foreach (var need in new[] { Need.AppointmentReminder, Need.RecallWellVisit, Need.ImmunizationDue, Need.Billing })
        {
            Assert.Equal("family@example.com", resolutions.Single(r => r.Need == need).Primary?.Value);
        }
        var announcement = resolutions.Single(r => r.Need == Need.GeneralAnnouncement);
        Assert.Null(announcement.Primary);
        Assert.Equal(SkipReason.UnsubscribedFromAnnouncements, announcement.Skipped.Single().Reason);
    }

    [Fact]
    public async Task The_patient_page_shows_the_state_per_need_in_plain_words()
    {
        var client = await _harness.App.SignInAsRoleAsync(Roles.FrontDesk);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/Patients/Details/{_patientId}"));

        Assert.Contains("Unsubscribed from announcements", html);
        Assert.Contains("Email family@example.com: unsubscribed from announcements", html);
        Assert.DoesNotContain("AllContactsUnusable", html);
        Assert.Contains("Every contact on file is unusable", html);
    }

    [Fact]
    public async Task The_next_broadcast_still_removes_the_address()
    {
        await using var scope = _harness.App.Services.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<BroadcastListBuilder>()
            .BuildAsync(new BroadcastListRequest { Pasted = "family@example.com" });

        Assert.Empty(list.Recipients);
        Assert.Single(list.Removed);
    }

    [Fact]
    public async Task A_hard_bounce_after_the_unsubscribe_blocks_every_need()
    {
        var messageId = await _harness.QueryAsync(db => db.Messages.Select(m => m.Id).SingleAsync());
        await using (var scope = _harness.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BounceRecorder>().RecordHardBounceAsync(messageId, "5.1.1 no such user");
        }

        var resolutions = await ResolveAllAsync();

        Assert.All(resolutions, r => Assert.Null(r.Primary));
        var rows = await _harness.QueryAsync(db => db.Suppressions.AsNoTracking().OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([true, false], rows.Select(s => s.AnnouncementsOnly));
        Assert.All(rows, s => Assert.Equal(SuppressionChannel.Email, s.Channel));
    }

    private async Task<IReadOnlyList<ContactResolution>> ResolveAllAsync()
    {
        await using var scope = _harness.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactResolver>().ResolveAllNeedsAsync(_patientId);
    }
}
