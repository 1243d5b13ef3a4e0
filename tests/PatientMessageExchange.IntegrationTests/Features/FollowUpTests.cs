using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features;

public sealed class FollowUpTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<long> AddInboundAsync(InboundKind kind, string body, int? patientId = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var inbound = new InboundMessage
        {
            ProviderSid = "SM" + Guid.NewGuid().ToString("N"), Channel = Channel.Sms, From = "+16175550401", To = "+16175550199",
            Body = body, ReceivedUtc = _app.Clock.GetUtcNow(), Kind = kind, PatientId = patientId,
        };
        db.InboundMessages.Add(inbound);
        await db.SaveChangesAsync();
        return inbound.Id;
    }

    [Fact]
    public async Task Call_back_requests_other_replies_and_no_response_calls_are_listed_and_confirmations_are_not()
    {
        var patientId = await _app.AddAdultAsync(PatientSeed.Point(Core.Patients.ContactMode.Text, "+16175550401"));
        await AddInboundAsync(InboundKind.CallbackRequest, "N", patientId);
        await AddInboundAsync(InboundKind.Other, "Running late, sorry");
        await AddInboundAsync(InboundKind.NoResponse, "");
        await AddInboundAsync(InboundKind.Confirmation, "Confirmed-reply-text");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await client.GetAsync("/FollowUp")).Content.ReadAsStringAsync();

        Assert.Contains("Call-back requested", html);
        Assert.Contains("Running late, sorry", html);
        Assert.Contains("No response to the call", html);
        Assert.Contains($"/Patients/Details/{patientId}", html);
        Assert.DoesNotContain("Confirmed-reply-text", html);
    }

    [Fact]
    [Trait("Check", "R26")]
    public async Task Mark_handled_removes_it_from_the_open_list_keeps_it_under_show_handled_and_is_audited()
    {
        var id = await AddInboundAsync(InboundKind.Other, "Is the clinic open Saturday?");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/FollowUp/MarkHandled/{id}", new Dictionary<string, string>(), tokenFrom: "/FollowUp");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Is the clinic open Saturday?", await (await client.GetAsync("/FollowUp")).Content.ReadAsStringAsync());
        Assert.Contains("Is the clinic open Saturday?", await (await client.GetAsync("/FollowUp?all=true")).Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.NotNull((await db.InboundMessages.AsNoTracking().SingleAsync(i => i.Id == id)).HandledUtc);
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AuditActions.FollowUpHandled);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), audit.EntityId);
        Assert.StartsWith("frontdesk", audit.UserName);
    }

    [Fact]
    public async Task Marking_twice_or_marking_a_confirmation_changes_nothing_and_says_so()
    {
        var id = await AddInboundAsync(InboundKind.CallbackRequest, "2");
        var confirmation = await AddInboundAsync(InboundKind.Confirmation, "C");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        await client.PostFormAsync($"/FollowUp/MarkHandled/{id}", new Dictionary<string, string>(), tokenFrom: "/FollowUp");
        var again = await client.PostFormAsync($"/FollowUp/MarkHandled/{id}", new Dictionary<string, string>(), tokenFrom: "/FollowUp");
        await client.PostFormAsync($"/FollowUp/MarkHandled/{confirmation}", new Dictionary<string, string>(), tokenFrom: "/FollowUp");

        Assert.Contains("already handled", await (await client.GetAsync(again.Headers.Location)).Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.FollowUpHandled));
        Assert.Null((await db.InboundMessages.AsNoTracking().SingleAsync(i => i.Id == confirmation)).HandledUtc);
    }
}
