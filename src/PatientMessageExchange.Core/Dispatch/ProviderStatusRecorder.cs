using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Applies provider status callbacks (Twilio's, or the outbox's simulated ones) to messages. Each (sid, status) is
/// kept once; a message only ever moves to a higher <see cref="MessageStatusExtensions.Rank"/>, so duplicated or
/// reordered callbacks end in the most advanced state, and its side effects (flagging a number, the one retry of an
/// unreachable handset, channel fallback after a landline / invalid / opted-out code or a failed retry) happen once,
/// with the conditional update that moved it (R3, R4). Callbacks only touch a
/// message already recorded as accepted (and so charged); earlier ones wait for <see cref="ApplyAsync"/>.
/// </summary>
public class ProviderStatusRecorder(
    DbContextOptions<PmxDbContext> dbOptions,
    CreditLedger ledger,
    IDispatchQueue queue,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ChannelFallback fallback,
    ILogger<ProviderStatusRecorder> logger)
{
    /// <summary>Records one callback. Returns false when the same (sid, status) was already received.</summary>
    public async Task<bool> RecordAsync(string sid, string status, int? errorCode, CancellationToken ct)
    {
        status = status.Trim().ToLowerInvariant();
        await using (var db = NewContext())
        {
            if (await db.ProviderStatusEvents.AnyAsync(e => e.Sid == sid && e.Status == status, ct))
            {
                return false;
            }
            db.ProviderStatusEvents.Add(new ProviderStatusEvent { Sid = sid, Status = status, ErrorCode = errorCode, ReceivedUtc = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same callback, delivered twice at once: the other request has it.
                return false;
            }
        }
        await ApplyAsync(sid, ct);
        return true;
    }

    /// <summary>Moves the message with this provider id to the most advanced state its callbacks report.</summary>
    public async Task ApplyAsync(string sid, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = NewContext();
            var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == sid, ct);
            if (message is null || !message.Status.IsCharged())
            {
                return;
            }
            var events = await db.ProviderStatusEvents.AsNoTracking().Where(e => e.Sid == sid).ToListAsync(ct);
            var best = events
                .Select(e => (Event: e, Status: ProviderStatuses.ToMessageStatus(e.Status)))
                .Where(x => x.Status is not null)
                .OrderByDescending(x => x.Status!.Value.Rank()).ThenBy(x => x.Event.Id)
                .FirstOrDefault();
            if (best.Status is not { } target || target.Rank() <= message.Status.Rank())
            {
                return;
            }
            var now = clock.GetUtcNow();
            var error = target == MessageStatus.Undelivered
                ? best.Event.ErrorCode is { } code ? $"The carrier did not deliver it: {TwilioErrorCodes.Reason(code)}." : "The carrier did not deliver it."
                : message.Error;
            var current = message.Status;
            var fallbackDue = target == MessageStatus.Undelivered && message.PatientId is not null &&
                              IsPermanent(best.Event.ErrorCode, message);
            var updated = await db.Messages.Where(m => m.Id == message.Id && m.Status == current)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, target)
                    .SetProperty(m => m.ProviderStatus, best.Event.Status)
                    .SetProperty(m => m.CompletedUtc, now)
                    .SetProperty(m => m.FallbackPendingUtc, m => fallbackDue ? now : m.FallbackPendingUtc)
                    .SetProperty(m => m.Error, error), ct);
            if (updated == 0)
            {
                continue;
            }
            logger.LogInformation("Message {MessageId} moved {From} → {To} by status callback", message.Id, current, target);
            if (target == MessageStatus.Undelivered && best.Event.ErrorCode is { } errorCode)
            {
                await OnCarrierErrorAsync(db, message, errorCode, now, ct);
            }
            if (fallbackDue)
            {
                await fallback.TryOrLeaveForSweepAsync(message.Id, ct);
            }
            return;
        }
    }

    /// <summary>
    /// Whether a carrier error means the mode failed for good, so channel fallback is due: a landline, an invalid or
    /// opted-out number, or an unreachable handset whose one retry was unreachable too.
    /// </summary>
    internal static bool IsPermanent(int? code, Message message) => TwilioErrorCodes.Classify(code) switch
    {
        TwilioErrorAction.Landline or TwilioErrorAction.Invalid or TwilioErrorAction.OptedOut => true,
        TwilioErrorAction.RetryOnceLater => message.RetryOfMessageId is not null,
        _ => false,
    };

    private async Task OnCarrierErrorAsync(PmxDbContext db, Message message, int code, DateTimeOffset now, CancellationToken ct)
    {
        switch (TwilioErrorCodes.Classify(code))
        {
            case TwilioErrorAction.RetryOnceLater when message.RetryOfMessageId is null:
                await ScheduleRetryAsync(message, now, ct);
                break;
            case TwilioErrorAction.Landline or TwilioErrorAction.Invalid:
                await BatchDispatcher.FlagContactAsync(db, message, ContactPointStatus.Invalid, TwilioErrorCodes.Reason(code), null, now, ct);
                break;
            case TwilioErrorAction.OptedOut:
                await BatchDispatcher.FlagContactAsync(db, message, ContactPointStatus.OptedOut, TwilioErrorCodes.Reason(code), "Opted out", now, ct);
                break;
        }
    }

    /// <summary>
    /// The one retry of an unreachable handset: a new message row in a batch of its own, due later, with its own
    /// reservation, all in one transaction. The unique index on <see cref="Message.RetryOfMessageId"/> keeps it to one.
    /// </summary>
    private async Task ScheduleRetryAsync(Message original, DateTimeOffset now, CancellationToken ct)
    {
        var at = now + options.Value.RetryDelay(2);
        await using var db = NewContext();
        if (await db.Messages.AnyAsync(m => m.RetryOfMessageId == original.Id, ct))
        {
            return;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        long? batchId;
        try
        {
            batchId = await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var batch = new DispatchBatch { CampaignId = original.CampaignId, Channel = original.Channel, NotBeforeUtc = at, EnqueuedUtc = now };
            db.DispatchBatches.Add(batch);
            await db.SaveChangesAsync(cancel);
            db.Messages.Add(new Message
            {
                CampaignId = original.CampaignId, BatchId = batch.Id, PatientId = original.PatientId, ContactPointId = original.ContactPointId,
                AppointmentId = original.AppointmentId, Mode = original.Mode, Channel = original.Channel, Address = original.Address,
                Subject = original.Subject, Body = original.Body, Language = original.Language, Segments = original.Segments,
                Cost = original.Cost, Status = MessageStatus.Queued, NextAttemptUtc = at, CreatedUtc = now, RetryOfMessageId = original.Id,
            });
            await db.SaveChangesAsync(cancel);
            var reserved = await ledger.ReserveWithin(db, original.CampaignId, original.Cost, $"reserve:retry:{original.Id}", cancel);
            if (reserved.Outcome != CreditOutcome.Posted)
            {
                await transaction.RollbackAsync(cancel);
                return (long?)null;
            }
            await db.Campaigns.Where(c => c.Id == original.CampaignId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.MessageCount, c => c.MessageCount + 1)
                .SetProperty(c => c.ReservedCredits, c => c.ReservedCredits + original.Cost), cancel);
            await transaction.CommitAsync(cancel);
            return batch.Id;
        }, ct);
        }
        catch (DbUpdateException)
        {
            // The same failure reported twice at once: the other request scheduled the retry.
            return;
        }
        if (batchId is { } id)
        {
            queue.Schedule(id, at);
            logger.LogInformation("Message {MessageId} was unreachable; one retry is due at {RetryUtc}", original.Id, at);
        }
        else
        {
            logger.LogWarning("Message {MessageId} was unreachable; no credits to retry it", original.Id);
        }
    }

    private PmxDbContext NewContext() => new(dbOptions);
}
