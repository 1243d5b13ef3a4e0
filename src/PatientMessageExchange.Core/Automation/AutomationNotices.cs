using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// Pausing and resuming automated sending when credits run out. Each change is a conditional update of the settings
/// row, so of several workers only one pauses (audits, emails the practice) and only one resumes.
/// </summary>
public class AutomationNotices(PmxDbContext db, IEmailTransport email, PracticeDirectory practice, TimeProvider clock,
    ILogger<AutomationNotices> logger)
{
    public async Task PauseAsync(int needed, int available, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await EnsureSettingsAsync(now, ct);
        var paused = await db.AutomationSettings
            .Where(s => s.Id == AutomationSettings.SingletonId && s.PausedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PausedUtc, now).SetProperty(s => s.PausedNeedCredits, needed)
                .SetProperty(s => s.PauseNoticeSentUtc, (DateTimeOffset?)null), ct);
        if (paused == 0)
        {
            await db.AutomationSettings.Where(s => s.Id == AutomationSettings.SingletonId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PausedNeedCredits, needed), ct);
            return;
        }
        logger.LogWarning("Automated messages paused: a run needs {Needed} credits, {Available} available", needed, available);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredUtc = now, UserName = SystemActor.Instance.UserName, Action = AuditActions.AutomationPaused,
            EntityType = nameof(AutomationSettings), Detail = $"Needs {needed} credits, {available} available",
        });
        await db.SaveChangesAsync(ct);
        await SendNoticeAsync(needed, available, now, ct);
    }

    public async Task ResumeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var resumed = await db.AutomationSettings
            .Where(s => s.Id == AutomationSettings.SingletonId && s.PausedUtc != null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PausedUtc, (DateTimeOffset?)null).SetProperty(s => s.PausedNeedCredits, 0), ct);
        if (resumed == 0)
        {
            return;
        }
        logger.LogInformation("Automated messages resumed");
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredUtc = now, UserName = SystemActor.Instance.UserName, Action = AuditActions.AutomationResumed,
            EntityType = nameof(AutomationSettings), Detail = "The balance covers the automated messages again",
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task SendNoticeAsync(int needed, int available, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await db.AutomationSettings.AsNoTracking().FirstAsync(s => s.Id == AutomationSettings.SingletonId, ct);
        if (string.IsNullOrWhiteSpace(settings.NoticeEmail))
        {
            logger.LogWarning("Automated messages paused and no notice address is set; only the banner tells the office");
            return;
        }
        var profile = await practice.GetAsync(ct);
        var body = "<p>Automated appointment messages are paused: the next run needs " +
                   needed.ToString("N0", CultureInfo.InvariantCulture) + " credits and " +
                   available.ToString("N0", CultureInfo.InvariantCulture) + " are available.</p>" +
                   "<p>Nothing is lost: the messages wait and go out on their own once credits are bought (Usage Statistics → Buy credits), " +
                   "as long as they are still useful.</p><p>" + WebUtility.HtmlEncode(profile.Name) + "</p>";
        try
        {
            await email.SendAsync(new OutgoingEmail(0, settings.NoticeEmail, profile.Name,
                "Automated messages are paused: buy credits to resume", body), ct);
            await db.AutomationSettings.Where(s => s.Id == AutomationSettings.SingletonId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PauseNoticeSentUtc, now), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The pause notice could not be emailed; the banner still shows the pause");
        }
    }

    private async Task EnsureSettingsAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (await db.AutomationSettings.AnyAsync(s => s.Id == AutomationSettings.SingletonId, ct))
        {
            return;
        }
        db.AutomationSettings.Add(new AutomationSettings { UpdatedUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another worker created it.
        }
        db.ChangeTracker.Clear();
    }
}
