using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.IntegrationTests.Dispatch;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.EmailBroadcast;

/// <summary>Broadcasts sent through MailKit to a real SMTP server on loopback.</summary>
public sealed class BroadcastSendTests
{
    [Trait("Check", "R13")]
    [Fact]
    public async Task R12_R13_a_sent_broadcast_email_carries_one_click_headers_and_the_practice_postal_address()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);

        var created = await BroadcastHelpers.SendAsync(harness.App, new BroadcastListRequest { Pasted = "ann@example.com" });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        await harness.RunQueuedBatchesAsync();

        var email = Assert.Single(harness.Sink.Received).Message;
        var url = BroadcastHelpers.UnsubscribeUrl(email.Headers["List-Unsubscribe"]);
        Assert.StartsWith(DispatchHarness.PublicBaseUrl + "/u/", url.ToString());
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("1 Test Street, Springfield, MA 01101", email.HtmlBody);
        Assert.Contains("1 Test Street, Springfield, MA 01101", email.TextBody);
        Assert.Contains(url.ToString(), email.HtmlBody);
        Assert.Contains("Flu shots for the whole family at Test Pediatrics", email.HtmlBody);
    }

    [Fact]
    public async Task R12_a_one_click_POST_from_the_header_suppresses_without_cookie_or_antiforgery_and_counts_on_the_broadcast()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);
        var created = await BroadcastHelpers.SendAsync(harness.App, new BroadcastListRequest { Pasted = "ann@example.com bo@example.com" });
        await harness.RunQueuedBatchesAsync();
        var ann = harness.Sink.Received.Single(r => r.Recipients.Single() == "ann@example.com").Message;
        var url = BroadcastHelpers.UnsubscribeUrl(ann.Headers["List-Unsubscribe"]);
        var mailClient = harness.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var response = await mailClient.PostAsync(url.PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suppression = await harness.QueryAsync(db => db.Suppressions.AsNoTracking().SingleAsync());
        Assert.Equal(("ann@example.com", SuppressionChannel.Email), (suppression.Address, suppression.Channel));
        Assert.Equal(RemovalReason.Unsubscribed, BroadcastListBuilder.Classify(suppression.Reason));
        var audit = await harness.QueryAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AuditActions.BroadcastUnsubscribed));
        Assert.DoesNotContain("ann@", audit.Detail);
        Assert.Equal(created.CampaignId.ToString(), audit.EntityId);

        var staff = await harness.App.SignInAsRoleAsync(PatientMessageExchange.Core.Data.Roles.FrontDesk);
        var page = await (await staff.GetAsync($"/EmailBroadcast/Details/{created.CampaignId}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"count-unsubscribed\">1<", page);
        Assert.Contains("id=\"count-sent\">2<", page);
    }

    [Trait("Check", "R13")]
    [Fact]
    public async Task R13_suppressed_and_bounced_addresses_are_excluded_before_credits_are_reserved()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);
        await harness.QueryAsync(async db =>
        {
            db.Suppressions.Add(new Suppression
            {
                Address = "unsubscribed@example.com", Channel = SuppressionChannel.Email, Reason = Unsubscriber.Reason,
                CreatedUtc = harness.App.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        await harness.App.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "bounced@example.com", ContactPointStatus.Bounced, "5.1.1"));

        var created = await BroadcastHelpers.SendAsync(harness.App, new BroadcastListRequest
        {
            Pasted = "a@example.com A@EXAMPLE.COM unsubscribed@example.com bounced@example.com b@example.com",
        });

        Assert.True(created.Succeeded);
        var campaign = await harness.QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == created.CampaignId));
        Assert.Equal(CampaignKind.Broadcast, campaign.Kind);
        Assert.Equal(2, campaign.ReservedCredits);
        Assert.Equal(2, (await harness.BalanceAsync()).Reserved);
        var reserved = await harness.QueryAsync(db => db.CreditLedgerEntries.AsNoTracking()
            .Where(e => e.CampaignId == created.CampaignId && e.Kind == CreditEntryKind.Reserve).SumAsync(e => e.Amount));
        Assert.Equal(2, Math.Abs(reserved));
        var messages = await harness.MessagesAsync(created.CampaignId!.Value);
        Assert.Equal(["a@example.com", "b@example.com"], messages.Select(m => m.Address).Order());
        var skips = await harness.QueryAsync(db => db.CampaignSkips.AsNoTracking().Where(s => s.CampaignId == created.CampaignId).ToListAsync());
        Assert.Contains(skips, s => s.Address == "unsubscribed@example.com" && s.Explanation.StartsWith("Unsubscribed"));
        Assert.Contains(skips, s => s.Address == "bounced@example.com" && s.Explanation.StartsWith("Hard-bounced"));
    }

    [Fact]
    public async Task A_5000_address_broadcast_reaches_each_unique_address_exactly_once_with_the_headers()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 6000);
        var unique = Enumerable.Range(1, 5000).Select(i => $"family{i}@example.com").ToList();
        var pasted = string.Join("\n", unique.Concat(unique.Take(500).Select(a => a.ToUpperInvariant())));

        var created = await BroadcastHelpers.SendAsync(harness.App, new BroadcastListRequest { Pasted = pasted });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        await harness.RunQueuedBatchesAsync();

        var received = harness.Sink.Received.ToList();
        Assert.Equal(5000, received.Count);
        Assert.Equal(unique.Order(), received.Select(r => r.Recipients.Single()).Order());
        Assert.All(received, r =>
        {
            Assert.Equal("List-Unsubscribe=One-Click", r.Message.Headers["List-Unsubscribe-Post"]);
            Assert.Contains("/u/", r.Message.Headers["List-Unsubscribe"]);
        });
        Assert.Equal(5000, received.Select(r => r.Message.Headers["List-Unsubscribe"]).Distinct().Count());
        var balance = await harness.BalanceAsync();
        Assert.Equal((1000, 0), (balance.Available, balance.Reserved));
    }

    [Fact]
    public async Task Personalized_emails_get_no_unsubscribe_headers_or_broadcast_footer()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 10);

        await harness.CreateAsync(DispatchHarness.EmailDraft(1));
        await harness.RunQueuedBatchesAsync();

        var email = Assert.Single(harness.Sink.Received).Message;
        Assert.False(email.Headers.Contains("List-Unsubscribe"));
        Assert.DoesNotContain("Unsubscribe", email.HtmlBody);
    }
}
