using System.Net;
using Hangfire;
using Hangfire.Storage;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Bounces;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Bounces;

/// <summary>The bounce mailbox as the app wires it: options, the recurring job, the Bounces page and fix records.</summary>
public sealed class BounceMailboxAppTests : IClassFixture<DovecotServer>, IDisposable
{
    private readonly DovecotServer _dovecot;
    private readonly PmxAppFactory _app = new();

    public BounceMailboxAppTests(DovecotServer dovecot) => _dovecot = dovecot;

    public void Dispose() => _app.Dispose();

    [Trait("Check", "R8")]
    [Fact]
    public async Task R8_a_hard_bounce_read_from_the_configured_mailbox_shows_on_bounces_and_fix_records()
    {
        var mailbox = _dovecot.DefaultMailbox;
        UseMailbox(mailbox);
        var patientId = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "ann.parent@example.org"));
        using (var client = await _dovecot.ConnectAsync(mailbox))
        {
            await client.Inbox.AppendAsync(new AppendRequest(MimeMessage.Load(
                Path.Combine(AppContext.BaseDirectory, "Fixtures", "Bounces", "postfix-hard.eml")), MessageFlags.None));
            await client.DisconnectAsync(true);
        }

        BouncePollResult result;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<ImapBouncePoller>().PollAsync();
        }

        Assert.Equal(1, result.Processed);
        var bounceId = Assert.Single(result.Bounces).BounceId;
        var staff = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var bounces = await (await staff.GetAsync("/Bounces")).Content.ReadAsStringAsync();
        Assert.Contains("ann.parent@example.org", bounces);
        Assert.Contains($"/Patients/Details/{patientId}?edit=", bounces);
        Assert.Contains("5.1.1", bounces);
        var fixRecords = await (await staff.GetAsync("/FixRecords")).Content.ReadAsStringAsync();
        Assert.Contains("ann.parent@example.org", fixRecords);
        Assert.Contains("Hard bounce 5.1.1", fixRecords);
    }

    [Fact]
    public async Task Viewing_a_raw_report_shows_it_and_is_audited()
    {
        long bounceId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<BounceProcessor>();
            var raw = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Bounces", "daemon-plain.eml"));
            bounceId = Assert.Single((await processor.ProcessAsync(DsnParser.Parse(raw))).Bounces).BounceId;
        }
        var staff = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var list = await (await staff.GetAsync("/Bounces?kind=Hard")).Content.ReadAsStringAsync();
        var report = await staff.GetAsync($"/Bounces/Report/{bounceId}");

        Assert.Contains($"/Bounces/Report/{bounceId}", list);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("mailbox unavailable", await report.Content.ReadAsStringAsync());
        await using var check = _app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.BounceReportViewed && a.EntityId == bounceId.ToString()));
    }

    [Fact]
    public async Task Several_blocked_bounces_warn_that_the_practices_sending_setup_is_rejected()
    {
        var staff = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        await RecordBlockedAsync(1);
        await RecordBlockedAsync(2);

        var belowThreshold = await (await staff.GetAsync("/Bounces")).Content.ReadAsStringAsync();
        await RecordBlockedAsync(3);
        var atThreshold = await (await staff.GetAsync("/Bounces")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("blocked-warning", belowThreshold);
        Assert.Contains("blocked-warning", atThreshold);
        Assert.Contains("3 message(s) in the last 7 days", atThreshold);
        Assert.Contains("most often 5.7.26", atThreshold);
        await using var check = _app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Empty(await db.Suppressions.ToListAsync());
    }

    private async Task RecordBlockedAsync(int n)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<BounceProcessor>();
        await processor.ProcessAsync(new BounceReport
        {
            RawMessage = System.Text.Encoding.ASCII.GetBytes($"blocked {n}"), ReportMessageId = $"blocked-{n}@mx.example.net",
            Recipients = [new BounceRecipient(BounceKind.Blocked, $"parent{n}@example.org", Action: "failed", Status: "5.7.26",
                DiagnosticCode: "smtp; 550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy")],
        });
    }

    [Fact]
    public async Task An_unknown_report_is_not_found()
    {
        var staff = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await staff.GetAsync("/Bounces/Report/424242");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/Bounces")]
    [InlineData("/Bounces/Report/1")]
    public async Task R23_anonymous_is_sent_to_the_login_page(string url)
    {
        await _app.CompleteSetupAsync();

        var response = await _app.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public void The_recurring_job_is_registered_when_the_mailbox_is_enabled()
    {
        UseMailbox(_dovecot.DefaultMailbox);

        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == BounceMailboxJob.RecurringJobId);
    }

    [Fact]
    public void An_enabled_mailbox_without_a_host_stops_the_app_with_the_setting_named()
    {
        _app.With("Bounces:Mailbox:Enabled", "true").With("Bounces:Mailbox:UserName", "bounces")
            .With("Bounces:Mailbox:Password", "x");

        var error = Record.Exception(() => _app.Services);

        Assert.NotNull(error);
        Assert.Contains("Bounces:Mailbox:Host is required", error.ToString());
    }

    private void UseMailbox(BounceMailboxOptions mailbox) => _app
        .With("Bounces:Mailbox:Enabled", "true")
        .With("Bounces:Mailbox:Host", mailbox.Host)
        .With("Bounces:Mailbox:Port", mailbox.Port.ToString())
        .With("Bounces:Mailbox:Security", "None")
        .With("Bounces:Mailbox:UserName", mailbox.UserName)
        .With("Bounces:Mailbox:Password", mailbox.Password)
        // Never on its own: the test runs the poll itself.
        .With("Bounces:Mailbox:Cron", Cron.Never());
}
