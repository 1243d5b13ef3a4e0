using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Channels.Outbox;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// When a run costs more than the balance, nothing is sent or dropped: automated sending pauses, office managers see a
/// banner, the practice gets one email; once credits arrive the next run sends what is still due and the banner goes.
/// </summary>
public sealed class AutomationPauseTests
{
    private static readonly DateTimeOffset Start = AutomationHarness.Local(new DateTime(2026, 11, 10, 9, 55, 0));

    [Fact]
    public async Task Running_out_of_credits_pauses_with_a_banner_and_one_email_and_buying_credits_resumes()
    {
        await using var h = await AutomationHarness.StartAsync(Start, credits: 1);
        await h.QueryAsync(async db =>
        {
            var rule = await db.AutomationRules.SingleAsync(r => r.IsStandard && r.Kind == AutomationKind.Confirmation);
            rule.IsEnabled = true;
            (await db.AutomationSettings.SingleAsync()).NoticeEmail = "office@maple.example";
            return await db.SaveChangesAsync();
        });
        var provider = await h.ProviderAsync("Dr. Lee");
        var first = await h.AppointmentAsync(await h.PatientAsync("Ana", "ana@example.com"), provider, new DateTime(2026, 11, 13, 14, 0, 0));
        var second = await h.AppointmentAsync(await h.PatientAsync("Dan", "dan@example.com"), provider, new DateTime(2026, 11, 13, 15, 0, 0));

        await h.TickAsync();                      // 09:55: nothing due yet
        h.Advance(TimeSpan.FromMinutes(5));
        var paused = (await h.TickAsync(workers: 2)).First();  // 10:00: two confirmations, 2 credits, 1 available
        h.Advance(TimeSpan.FromMinutes(5));
        await h.TickAsync();                      // still short: still paused, no second email

        Assert.True(paused.Paused);
        Assert.Equal(0, await h.QueryAsync(db => db.Messages.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.AutomatedSends.CountAsync()));
        var settings = await h.QueryAsync(db => db.AutomationSettings.AsNoTracking().SingleAsync());
        Assert.NotNull(settings.PausedUtc);
        Assert.Equal(2, settings.PausedNeedCredits);
        Assert.Equal(1, await h.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AutomationPaused)));
        var notices = NoticeEmails(h);
        var notice = Assert.Single(notices);
        Assert.Equal("office@maple.example", notice.To.Mailboxes.Single().Address);
        Assert.Contains("paused", notice.Subject);
        var manager = await h.App.SignInAsRoleAsync(Roles.OfficeManager);
        Assert.Contains("Automated messages are paused", await manager.GetStringAsync("/Schedule"));
        var frontDesk = await h.App.SignInAsRoleAsync(Roles.FrontDesk);
        Assert.DoesNotContain("Automated messages are paused", await frontDesk.GetStringAsync("/Schedule"));

        await h.WithAsync<CreditResult, CreditLedger>(ledger => ledger.Adjust(10, "credits bought", "test:bought"));
        h.Advance(TimeSpan.FromMinutes(5));
        var resumed = (await h.TickAsync()).Single();

        Assert.False(resumed.Paused);
        Assert.Equal(2, resumed.Messages);
        var sent = await h.QueryAsync(db => db.Messages.AsNoTracking().OrderBy(m => m.AppointmentId).Select(m => m.AppointmentId).ToListAsync());
        Assert.Equal([first, second], sent.Select(a => a!.Value));
        Assert.Null(await h.QueryAsync(db => db.AutomationSettings.Select(s => s.PausedUtc).SingleAsync()));
        Assert.Equal(1, await h.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AutomationResumed)));
        Assert.DoesNotContain("Automated messages are paused", await manager.GetStringAsync("/Schedule"));
        var integrity = await h.WithAsync<CreditIntegrityReport, CreditIntegrityCheck>(check => check.RunAsync());
        Assert.True(integrity.IsConsistent);
        Assert.Equal(11 - 2, integrity.BalanceAvailable);
    }

    private static List<MimeMessage> NoticeEmails(AutomationHarness h)
    {
        var folder = h.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.Folder;
        return OutboxEmailTransport.List(folder).Select(f => MimeMessage.Load(f.FullName))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == "office@maple.example")).ToList();
    }
}
