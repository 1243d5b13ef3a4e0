using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// Records a hard bounce for a sent email, in one transaction: the message becomes Bounced, the address is suppressed,
/// and every email contact point with that address is marked Bounced with the reason, so it shows on the broadcast page
/// and in the fix-records worklist. The embedded default's outbox simulates bounces through here; recording the same
/// bounce twice changes nothing the second time.
/// </summary>
public sealed class BounceRecorder(PmxDbContext db, AuditLog audit, TimeProvider clock, ILogger<BounceRecorder> logger)
{
    /// <summary>Whether the message is a broadcast email that was sent and has not bounced yet.</summary>
    public async Task<bool> CanSimulateAsync(long messageId, CancellationToken ct = default) =>
        await db.Messages.AsNoTracking().AnyAsync(m => m.Id == messageId && m.Channel == Channel.Email &&
                                                       (m.Status == MessageStatus.Sent || m.Status == MessageStatus.Delivered) &&
                                                       db.Campaigns.Any(c => c.Id == m.CampaignId && c.Kind == CampaignKind.Broadcast), ct);

    public async Task<OperationResult> RecordHardBounceAsync(long messageId, string diagnostic, CancellationToken ct = default)
    {
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Channel == Channel.Email)
            .Select(m => new { m.Id, m.Address, m.Status })
            .FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return OperationResult.Fail("That email is not one of ours.");
        }
        if (message.Status == MessageStatus.Bounced)
        {
            return OperationResult.Ok;
        }
        if (message.Status is not (MessageStatus.Sent or MessageStatus.Delivered))
        {
            return OperationResult.Fail("Only an email that was sent can bounce.");
        }
        var reason = diagnostic.Length <= 280 ? diagnostic : diagnostic[..280];
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var updated = await db.Messages
                .Where(m => m.Id == messageId && (m.Status == MessageStatus.Sent || m.Status == MessageStatus.Delivered))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatus.Bounced)
                    .SetProperty(m => m.CompletedUtc, now)
                    .SetProperty(m => m.Error, $"Hard bounce: {reason}"), cancel);
            if (updated == 0)
            {
                await transaction.RollbackAsync(cancel);
                return;
            }
            await db.ContactPoints
                .Where(c => c.Value == message.Address && (c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail) &&
                            c.Status != ContactPointStatus.Bounced)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, ContactPointStatus.Bounced)
                    .SetProperty(c => c.StatusReason, $"Hard bounce: {reason}")
                    .SetProperty(c => c.StatusChangedUtc, now)
                    .SetProperty(c => c.ReviewedUtc, (DateTimeOffset?)null), cancel);
            if (!await db.Suppressions.AnyAsync(s => s.Address == message.Address && s.Channel == SuppressionChannel.Email && !s.AnnouncementsOnly, cancel))
            {
                db.Suppressions.Add(new Suppression
                {
                    Address = message.Address, Channel = SuppressionChannel.Email, Reason = $"Hard bounce: {reason}", CreatedUtc = now,
                });
            }
            audit.Add(AuditActions.EmailBounceRecorded, nameof(Message), messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Hard bounce");
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
        }, ct);
        logger.LogInformation("Hard bounce recorded for message {MessageId}", messageId);
        return OperationResult.Ok;
    }
}
