using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.EmailBroadcast;

/// <summary>The tab in the embedded default (outbox email), driven over HTTP as staff use it.</summary>
public sealed class BroadcastTabTests : IAsyncLifetime
{
    private readonly RecordingDispatchQueue _queue = new();
    private readonly PmxAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _app.WithServices(services =>
        {
            services.RemoveAll<IDispatchQueue>();
            services.AddSingleton<IDispatchQueue>(_queue);
        });
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(100, "test funding", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Front_desk_sends_a_broadcast_from_the_composer_and_sees_it_listed()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/EmailBroadcast/Send", new Dictionary<string, string>
        {
            ["Pasted"] = "one@example.com\nONE@example.com\ntwo@example.com",
            ["Subject"] = "Flu clinic",
            ["Body"] = "<p>Flu shots at {{ practice.name }}.</p>",
            ["When"] = "now",
        }, tokenFrom: "/EmailBroadcast/New");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/EmailBroadcast/Details/", response.Headers.Location!.OriginalString);
        await RunBatchesAsync();
        var list = await (await client.GetAsync("/EmailBroadcast")).Content.ReadAsStringAsync();
        Assert.Contains("Flu clinic", list);
        var details = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"count-sent\">2<", details);
    }

    [Fact]
    public async Task The_estimate_shows_the_unique_count_removals_and_cost()
    {
        await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "bounced@example.com", ContactPointStatus.Bounced, "5.1.1"));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/EmailBroadcast/Estimate", new Dictionary<string, string>
        {
            ["Pasted"] = "a@example.com A@example.com b@example.com bounced@example.com nonsense",
        }, tokenFrom: "/EmailBroadcast/New");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"estimate-count\">2<", html);
        Assert.Contains("id=\"estimate-credits\">2<", html);
        Assert.Contains("bounced@example.com", html);
        Assert.Contains("Hard-bounced", html);
        Assert.Contains("nonsense", html);
    }

    [Fact]
    public async Task A_broadcast_without_content_is_refused_with_the_field_marked_and_nothing_reserved()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/EmailBroadcast/Send", new Dictionary<string, string>
        {
            ["Pasted"] = "keep-me@example.com",
            ["When"] = "now",
        }, tokenFrom: "/EmailBroadcast/New");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Write a subject.", html);
        Assert.Contains("keep-me@example.com", html);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Campaigns.AnyAsync());
    }

    [Fact]
    public async Task A_simulated_outbox_bounce_shows_on_the_broadcast_page_and_in_fix_records()
    {
        var patientId = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "flu-parent@example.com"));
        var created = await BroadcastHelpers.SendAsync(_app, new BroadcastListRequest { FromPatients = true });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        await RunBatchesAsync();
        long messageId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            messageId = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Messages
                .Where(m => m.CampaignId == created.CampaignId).Select(m => m.Id).SingleAsync();
        }
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var outboxPage = await (await client.GetAsync($"/Outbox/Email/{messageId}")).Content.ReadAsStringAsync();
        Assert.Contains("Simulate bounce", outboxPage);
        Assert.Contains("1 Test Street, Springfield, MA 01101", await (await client.GetAsync($"/Outbox/EmailBody/{messageId}")).Content.ReadAsStringAsync());

        var bounced = await client.PostFormAsync($"/Outbox/SimulateBounce/{messageId}", new Dictionary<string, string>(),
            tokenFrom: $"/Outbox/Email/{messageId}");

        Assert.Equal(HttpStatusCode.Redirect, bounced.StatusCode);
        var details = await (await client.GetAsync($"/EmailBroadcast/Details/{created.CampaignId}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"count-bounced\">1<", details);
        Assert.Contains("flu-parent@example.com", details);
        Assert.Contains($"/Patients/Details/{patientId}?edit=", details);
        var fixRecords = await (await client.GetAsync("/FixRecords")).Content.ReadAsStringAsync();
        Assert.Contains("flu-parent@example.com", fixRecords);
        Assert.Contains("simulated in the outbox", fixRecords);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            Assert.Equal(MessageStatus.Bounced, (await db.Messages.SingleAsync(m => m.Id == messageId)).Status);
            Assert.True(await db.Suppressions.AnyAsync(s => s.Address == "flu-parent@example.com"));
        }
        var again = await BroadcastHelpers.SendAsync(_app, new BroadcastListRequest { FromPatients = true });
        Assert.False(again.Succeeded);
        Assert.Equal(RemovalReason.HardBounced, Assert.Single(again.Estimate!.List.Removed).Reason);
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in()
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.GetAsync("/EmailBroadcast");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery());
    }

    private async Task RunBatchesAsync()
    {
        while (_queue.Enqueued.TryDequeue(out var batchId))
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, CancellationToken.None);
        }
    }
}
