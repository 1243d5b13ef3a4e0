using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Sends one batch. Every step is a conditional update on the database, so the job is safe to run twice or on two
/// workers at once (R15): the batch is claimed with a lease; each message is claimed (<c>Queued → Sending</c>) before it
/// is sent; and its result is written together with its ledger entry, a charge when a provider accepted it or a release
/// when it can't go (R16, R21). A worker killed mid-send leaves at most its in-flight messages in Sending; the next run
/// asks the provider about them where it can, and otherwise sends them again (R14). A personalized or confirmation
/// message refused for good hands over to <see cref="ChannelFallback"/> once its failure has committed.
/// </summary>
public class BatchDispatcher(
    DbContextOptions<PmxDbContext> dbOptions,
    CreditLedger ledger,
    IEnumerable<IChannelSender> senders,
    IDispatchQueue queue,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ProviderStatusRecorder statuses,
    ChannelFallback fallback,
    ILogger<BatchDispatcher> logger,
    GroupCommit<AcceptedSend>? acceptedCommits = null)
{
    private readonly DispatchOptions _options = options.Value;

    public async Task RunAsync(long batchId, CancellationToken ct)
    {
        var owner = Guid.NewGuid().ToString("N");
        if (!await ClaimBatchAsync(batchId, owner, ct))
        {
            await RescheduleIfEarlyAsync(batchId, ct);
            return;
        }
        DispatchBatch batch;
        Campaign campaign;
        PracticeProfile practice;
        await using (var db = NewContext())
        {
            batch = await db.DispatchBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
            campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == batch.CampaignId, ct);
            practice = await db.PracticeProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct) ?? new PracticeProfile();
        }
        var sender = senders.FirstOrDefault(s => s.Channel == batch.Channel)
                     ?? throw new InvalidOperationException($"No sender is registered for {batch.Channel}.");
        var context = new SendContext(campaign, practice.Name, practice.Phone, practice.PostalAddress);

        if (campaign.Status == CampaignStatus.Cancelled)
        {
            await FinishAsync(batch, owner, ct);
            return;
        }
        if (NextSendWindow(batch.Channel, practice.TimeZone) is { } opens)
        {
            await ReleaseBatchAsync(batchId, owner, opens, ct);
            logger.LogInformation("Batch {BatchId} waits for the send window until {OpensUtc}", batchId, opens);
            return;
        }

        await RecoverInterruptedAsync(batch, sender, ct);
        if (!await SendDueAsync(batchId, owner, sender, context, ct))
        {
            logger.LogWarning("Batch {BatchId} lost its lease; another worker continues it", batchId);
            return;
        }
        await FinishAsync(batch, owner, ct);
    }

    /// <summary>
    /// Sends the batch's due messages: one claimer keeps the senders fed, claiming the next chunk while the last one
    /// is still being sent, so no sender waits for the slowest message of a chunk (the queue holds at most one chunk
    /// of claimed messages). Returns false when the batch's lease was lost; what was already claimed is still sent.
    /// </summary>
    private async Task<bool> SendDueAsync(long batchId, string owner, IChannelSender sender, SendContext context,
        CancellationToken ct)
    {
        var sent = 0;
        var chunk = Math.Max(sender.Concurrency * 4, 8);
        var work = System.Threading.Channels.Channel.CreateBounded<Message>(chunk);
        // A sender that fails (the database is gone) stops the claimer too; the run then fails and is retried, and
        // what it had claimed is recovered after its lease.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, sender.Concurrency).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var message in work.Reader.ReadAllAsync(ct))
                {
                    if (await SendClaimedAsync(message, sender, context, ct))
                    {
                        Interlocked.Increment(ref sent);
                    }
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();
        var leaseLost = false;
        try
        {
            while (!failed.IsCancellationRequested)
            {
                if (!await RenewLeaseAsync(batchId, owner, failed.Token))
                {
                    leaseLost = true;
                    break;
                }
                var claimed = await ClaimChunkAsync(batchId, chunk, context, failed.Token);
                if (claimed is null)
                {
                    break;
                }
                foreach (var message in claimed)
                {
                    await work.Writer.WriteAsync(message, failed.Token);
                }
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A sender failed; its exception is the one to report, below.
        }
        finally
        {
            work.Writer.TryComplete();
        }
        // The messages already claimed are this run's to finish, even when the lease is gone.
        await Task.WhenAll(workers);
        if (!leaseLost)
        {
            logger.LogInformation("Batch {BatchId} pass done: {Sent} accepted", batchId, sent);
        }
        return !leaseLost;
    }

    /// <summary>
    /// Claims the next due messages of the batch (<c>Queued → Sending</c>) in one statement, under a token of this
    /// claim, and returns the rows this worker now holds: a message claimed by another run at the same moment is not
    /// among them (R15). Null when nothing is due. Confirmation requests for appointments confirmed meanwhile, and
    /// confirmations or automated messages whose appointment has already started, are cancelled here and not returned.
    /// </summary>
    private async Task<List<Message>?> ClaimChunkAsync(long batchId, int size, SendContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        await using var db = NewContext();
        var due = await db.Messages.AsNoTracking()
            .Where(m => m.BatchId == batchId && m.Status == MessageStatus.Queued &&
                        (m.NextAttemptUtc == null || m.NextAttemptUtc <= now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(size).ToListAsync(ct);
        if (due.Count == 0)
        {
            return null;
        }
        await db.Messages
            .Where(m => due.Contains(m.Id) && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.LeaseUntilUtc, now + _options.Lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        var claimed = await db.Messages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.Status == MessageStatus.Sending && m.ClaimToken == token)
            .OrderBy(m => m.Id).ToListAsync(ct);
        if (context.Campaign.Kind == CampaignKind.Confirmation || context.Campaign.AutomationRuleId is not null)
        {
            // Once an appointment is confirmed (by an earlier text, call or the front desk), no further request for it
            // goes out; and a confirmation or automated reminder whose appointment has already started (a campaign
            // created before downtime, sent after it) is pointless. Either way the message is cancelled with the
            // reason and its credits released.
            var appointmentIds = claimed.Where(m => m.AppointmentId is not null).Select(m => m.AppointmentId!.Value).Distinct().ToList();
            var appointments = await db.Appointments.AsNoTracking()
                .Where(a => appointmentIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Status, a.StartUtc }).ToDictionaryAsync(a => a.Id, ct);
            foreach (var message in claimed.Where(m => m.AppointmentId is not null).ToList())
            {
                if (!appointments.TryGetValue(message.AppointmentId!.Value, out var appointment))
                {
                    continue;
                }
                var reason = appointment.StartUtc <= now ? "Not sent: the appointment had already started."
                    : context.Campaign.Kind == CampaignKind.Confirmation && appointment.Status == AppointmentStatus.Confirmed
                        ? "Not sent: the appointment was already confirmed."
                        : null;
                if (reason is not null)
                {
                    await CancelAsync(message, reason, ct);
                    claimed.Remove(message);
                }
            }
        }
        return claimed;
    }

    /// <summary>Sends one claimed message and records the result. Returns whether a provider accepted it.</summary>
    private async Task<bool> SendClaimedAsync(Message message, IChannelSender sender, SendContext context, CancellationToken ct)
    {
        SendResult result;
        try
        {
            result = await sender.SendAsync(message, context, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unexpected failure is treated like a temporary one: the message waits and is retried, never lost.
            logger.LogError(ex, "Sending message {MessageId} failed unexpectedly", message.Id);
            result = new SendResult(SendOutcome.Transient, null, "An unexpected error occurred while sending.");
        }
        if (result.Outcome == SendOutcome.Accepted)
        {
            // Waits until the result is committed, so this sender's next message goes out only after it: a crash
            // repeats at most the message each sender has in flight (R14).
            var accepted = new AcceptedSend(message, result);
            if (acceptedCommits is null)
            {
                await RecordAcceptedAsync([accepted], ct);
            }
            else
            {
                await acceptedCommits.SubmitAsync(accepted, RecordAcceptedAsync, ct);
            }
            return true;
        }
        await RecordAsync(message, result, ct);
        return false;
    }

    /// <summary>
    /// Records accepted messages as Sent with their charges. Results that arrive while a commit is being written are
    /// written together in the next one (a group commit): one transaction, one balance change and one entry per
    /// message. When the ledger refuses the group, each message is recorded on its own, so a refusal stays with the
    /// message it belongs to.
    /// </summary>
    private async Task RecordAcceptedAsync(IReadOnlyList<AcceptedSend> group, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var posted = false;
        await using (var db = NewContext())
        {
            var strategy = db.Database.CreateExecutionStrategy();
            posted = await strategy.ExecuteAsync(async cancel =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                var charges = new List<(CreditShare, string)>(group.Count);
                foreach (var (message, result) in group)
                {
                    var updated = await MarkSentAsync(db, message.Id, result.ProviderMessageId, now, cancel);
                    if (updated == 1)
                    {
                        charges.Add((new CreditShare(message.Id, message.CampaignId, message.Cost, message.Mode), $"charge:message:{message.Id}"));
                    }
                }
                if (charges.Count > 0 && (await ledger.ChargeManyWithin(db, charges, cancel)).Outcome != CreditOutcome.Posted)
                {
                    await transaction.RollbackAsync(cancel);
                    return false;
                }
                await transaction.CommitAsync(cancel);
                return true;
            }, ct);
        }
        if (!posted)
        {
            foreach (var (message, result) in group)
            {
                await RecordAsync(message, result, ct);
            }
            return;
        }
        foreach (var (message, result) in group)
        {
            if (message.Channel != Channel.Email && result.ProviderMessageId is { } sid)
            {
                // A status callback can beat this write; the ones that did were kept and apply now.
                await statuses.ApplyAsync(sid, ct);
            }
        }
    }

    /// <summary>Writes a message's result and its ledger entry in one transaction.</summary>
    internal async Task RecordAsync(Message message, SendResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var share = new CreditShare(message.Id, message.CampaignId, message.Cost, message.Mode);
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                await ResolveAsync(message.Id, share, charge: true,
                    (db, cancel) => MarkSentAsync(db, message.Id, result.ProviderMessageId, now, cancel), ct);
                if (message.Channel != Channel.Email && result.ProviderMessageId is { } sid)
                {
                    // A status callback can beat this write; the ones that did were kept and apply now.
                    await statuses.ApplyAsync(sid, ct);
                }
                return;
            case SendOutcome.Transient when message.Attempts < _options.MaxAttempts:
                var retryAt = now + (result.RetryAfter ?? _options.RetryDelay(message.Attempts));
                await using (var db = NewContext())
                {
                    await db.Messages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Status, MessageStatus.Queued)
                            .SetProperty(m => m.NextAttemptUtc, retryAt)
                            .SetProperty(m => m.LeaseUntilUtc, (DateTimeOffset?)null)
                            .SetProperty(m => m.Error, Truncate(result.Detail)), ct);
                }
                return;
            default:
                var status = result.Outcome is SendOutcome.RecipientRejected ? MessageStatus.Bounced : MessageStatus.Failed;
                var error = result.Outcome == SendOutcome.Transient
                    ? $"Gave up after {message.Attempts} attempts: {result.Detail}"
                    : result.Detail;
                var fallbackDue = result.Outcome is SendOutcome.Permanent or SendOutcome.RecipientRejected or SendOutcome.OptedOut &&
                                  message.PatientId is not null;
                DateTimeOffset? fallbackPending = fallbackDue ? now : null;
                await ResolveAsync(message.Id, share, charge: false, async (db, cancel) =>
                {
                    var updated = await db.Messages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Status, status)
                            .SetProperty(m => m.CompletedUtc, now)
                            .SetProperty(m => m.LeaseUntilUtc, (DateTimeOffset?)null)
                            .SetProperty(m => m.NeedsAttention, status == MessageStatus.Failed)
                            .SetProperty(m => m.FallbackPendingUtc, fallbackPending)
                            .SetProperty(m => m.Error, Truncate(error)), cancel);
                    if (updated == 1 && result.Outcome is SendOutcome.RecipientRejected or SendOutcome.OptedOut)
                    {
                        var flag = result.FlagAs ?? (result.Outcome == SendOutcome.OptedOut ? ContactPointStatus.OptedOut : ContactPointStatus.Bounced);
                        var reason = Truncate(result.Detail) ?? (flag == ContactPointStatus.OptedOut ? "Opted out" : "Rejected by the server");
                        await FlagContactAsync(db, message, flag, reason,
                            flag == ContactPointStatus.OptedOut ? "Opted out" : $"Hard bounce: {reason}", now, cancel);
                    }
                    return updated;
                }, ct);
                if (fallbackDue)
                {
                    // After the failure has committed, never inside its transaction: the next mode is a new unit of work.
                    await fallback.TryOrLeaveForSweepAsync(message.Id, ct);
                }
                return;
        }
    }

    /// <summary>Sending → Sent; 0 when another run already recorded the message.</summary>
    private static Task<int> MarkSentAsync(PmxDbContext db, long messageId, string? providerMessageId, DateTimeOffset now,
        CancellationToken ct) =>
        db.Messages.Where(m => m.Id == messageId && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Sent)
                .SetProperty(m => m.SentUtc, now)
                .SetProperty(m => m.ProviderMessageId, providerMessageId)
                .SetProperty(m => m.LeaseUntilUtc, (DateTimeOffset?)null)
                .SetProperty(m => m.NeedsAttention, false)
                .SetProperty(m => m.Error, (string?)null), ct);

    private Task CancelAsync(Message message, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return ResolveAsync(message.Id, new CreditShare(message.Id, message.CampaignId, message.Cost, message.Mode), charge: false,
            (db, cancel) => db.Messages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatus.Cancelled)
                    .SetProperty(m => m.CompletedUtc, now)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTimeOffset?)null)
                    .SetProperty(m => m.Error, reason), cancel), ct);
    }

    private async Task ResolveAsync(long messageId, CreditShare share, bool charge,
        Func<PmxDbContext, CancellationToken, Task<int>> updateMessage, CancellationToken ct)
    {
        await using var db = NewContext();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async cancel =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            if (await updateMessage(db, cancel) == 0)
            {
                // Another run already recorded this message.
                await transaction.RollbackAsync(cancel);
                return;
            }
            var key = $"{(charge ? "charge" : "release")}:message:{messageId}";
            var posted = charge
                ? await ledger.ChargeWithin(db, share, key, cancel)
                : await ledger.ReleaseWithin(db, share, key, cancel);
            if (posted.Outcome != CreditOutcome.Posted)
            {
                await transaction.RollbackAsync(cancel);
                logger.LogError("Ledger refused to {Action} message {MessageId}: {Outcome}", charge ? "charge" : "release",
                    messageId, posted.Outcome);
                await MarkNeedsAttentionAsync(messageId, $"The credit ledger refused the {(charge ? "charge" : "release")} ({posted.Outcome}).", cancel);
                return;
            }
            await transaction.CommitAsync(cancel);
        }, ct);
    }

    private async Task MarkNeedsAttentionAsync(long messageId, string error, CancellationToken ct)
    {
        await using var db = NewContext();
        await db.Messages.Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NeedsAttention, true).SetProperty(m => m.Error, error), ct);
    }

    /// <summary>Marks the message's contact point and suppresses its address on the message's channel.</summary>
    internal static async Task FlagContactAsync(PmxDbContext db, Message message, ContactPointStatus status, string reason,
        string? suppressionReason, DateTimeOffset now, CancellationToken ct)
    {
        if (message.ContactPointId is { } pointId)
        {
            await db.ContactPoints.Where(c => c.Id == pointId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, status)
                    .SetProperty(c => c.StatusReason, reason)
                    .SetProperty(c => c.StatusChangedUtc, now), ct);
        }
        if (suppressionReason is null)
        {
            return;
        }
        var channel = message.Channel switch
        {
            Channel.Email => SuppressionChannel.Email,
            Channel.Sms => SuppressionChannel.Sms,
            _ => SuppressionChannel.Voice,
        };
        if (!await db.Suppressions.AnyAsync(s => s.Address == message.Address && s.Channel == channel && !s.AnnouncementsOnly, ct))
        {
            db.Suppressions.Add(new Suppression { Address = message.Address, Channel = channel, CreatedUtc = now, Reason = suppressionReason });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Messages left in Sending by a crashed run: the provider is asked where it can tell; otherwise they go back to
    /// the queue and are sent again, which at most repeats the one message each connection had in flight.
    /// </summary>
    private async Task RecoverInterruptedAsync(DispatchBatch batch, IChannelSender sender, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Message> stuck;
        await using (var db = NewContext())
        {
            stuck = await db.Messages.AsNoTracking()
                .Where(m => m.BatchId == batch.Id && m.Status == MessageStatus.Sending && m.LeaseUntilUtc < now)
                .ToListAsync(ct);
        }
        foreach (var message in stuck)
        {
            var known = await sender.LookUpAsync(message, ct);
            if (known is not null)
            {
                await RecordAsync(message, known, ct);
                continue;
            }
            await using var db = NewContext();
            await db.Messages.Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending && m.LeaseUntilUtc < now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MessageStatus.Queued)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTimeOffset?)null)
                    .SetProperty(m => m.NextAttemptUtc, (DateTimeOffset?)null), ct);
        }
        if (stuck.Count > 0)
        {
            logger.LogWarning("Batch {BatchId}: {Count} interrupted message(s) recovered", batch.Id, stuck.Count);
        }
    }

    /// <summary>Marks the batch done, or hands it back with the time its next retry is due.</summary>
    private async Task FinishAsync(DispatchBatch batch, string owner, CancellationToken ct)
    {
        await using var db = NewContext();
        var pending = await db.Messages.AsNoTracking()
            .Where(m => m.BatchId == batch.Id && (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sending))
            .Select(m => new { m.Status, m.NextAttemptUtc, m.LeaseUntilUtc })
            .ToListAsync(ct);
        var campaignCancelled = await db.Campaigns.AnyAsync(c => c.Id == batch.CampaignId && c.Status == CampaignStatus.Cancelled, ct);
        var now = clock.GetUtcNow();
        if (pending.Count == 0 || campaignCancelled && pending.All(p => p.Status == MessageStatus.Queued))
        {
            await db.DispatchBatches.Where(b => b.Id == batch.Id && b.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, BatchStatus.Done)
                    .SetProperty(b => b.CompletedUtc, now)
                    .SetProperty(b => b.LeaseOwner, (string?)null)
                    .SetProperty(b => b.LeaseUntilUtc, (DateTimeOffset?)null), ct);
            await CompleteCampaignIfDoneAsync(db, batch.CampaignId, now, ct);
            return;
        }
        var next = pending.Select(p => p.Status == MessageStatus.Queued ? p.NextAttemptUtc ?? now : p.LeaseUntilUtc ?? now).Min();
        if (next < now)
        {
            next = now;
        }
        await ReleaseBatchAsync(batch.Id, owner, next, ct);
    }

    private async Task ReleaseBatchAsync(long batchId, string owner, DateTimeOffset notBefore, CancellationToken ct)
    {
        await using (var db = NewContext())
        {
            await db.DispatchBatches.Where(b => b.Id == batchId && b.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, BatchStatus.Queued)
                    .SetProperty(b => b.NotBeforeUtc, notBefore)
                    .SetProperty(b => b.EnqueuedUtc, clock.GetUtcNow())
                    .SetProperty(b => b.LeaseOwner, (string?)null)
                    .SetProperty(b => b.LeaseUntilUtc, (DateTimeOffset?)null), ct);
        }
        queue.Schedule(batchId, notBefore);
    }

    internal static async Task CompleteCampaignIfDoneAsync(PmxDbContext db, long campaignId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.DispatchBatches.AnyAsync(b => b.CampaignId == campaignId && b.Status != BatchStatus.Done, ct);
        if (!open)
        {
            await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Completed).SetProperty(c => c.CompletedUtc, now), ct);
        }
    }

    private async Task<bool> ClaimBatchAsync(long batchId, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + _options.Lease;
        await using var db = NewContext();
        var claimed = await db.DispatchBatches
            .Where(b => b.Id == batchId && (b.NotBeforeUtc == null || b.NotBeforeUtc <= now) &&
                        (b.Status == BatchStatus.Queued || (b.Status == BatchStatus.Running && b.LeaseUntilUtc < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BatchStatus.Running)
                .SetProperty(b => b.LeaseOwner, owner)
                .SetProperty(b => b.LeaseUntilUtc, leaseUntil)
                .SetProperty(b => b.Runs, b => b.Runs + 1), ct);
        return claimed == 1;
    }

    /// <summary>
    /// A job that starts a little before its batch is due (timers and clocks disagree by a millisecond or so) puts
    /// the batch back on the queue for its time instead of leaving it to the sweeper a minute later.
    /// </summary>
    private async Task RescheduleIfEarlyAsync(long batchId, CancellationToken ct)
    {
        await using var db = NewContext();
        var batch = await db.DispatchBatches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.Status, b.NotBeforeUtc }).SingleOrDefaultAsync(ct);
        if (batch is { Status: BatchStatus.Queued })
        {
            // Due by now, or soon: either way the next run claims it.
            var now = clock.GetUtcNow();
            var due = batch.NotBeforeUtc is { } notBefore && notBefore > now ? notBefore : now;
            queue.Schedule(batchId, due);
            logger.LogDebug("Batch {BatchId} started before it was due; scheduled again for {DueUtc}", batchId, due);
            return;
        }
        logger.LogDebug("Batch {BatchId} is not due or is held by another worker", batchId);
    }

    private async Task<bool> RenewLeaseAsync(long batchId, string owner, CancellationToken ct)
    {
        var leaseUntil = clock.GetUtcNow() + _options.Lease;
        await using var db = NewContext();
        return await db.DispatchBatches.Where(b => b.Id == batchId && b.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseUntilUtc, leaseUntil), ct) == 1;
    }

    /// <summary>For texts and calls outside the practice's send window: when it next opens. Null when sending may go on.</summary>
    internal DateTimeOffset? NextSendWindow(Channel channel, TimeZoneInfo zone)
    {
        if (channel == Channel.Email && !_options.SendWindowAppliesToEmail)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time >= _options.SendWindowStart && time < _options.SendWindowEnd)
        {
            return null;
        }
        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= _options.SendWindowEnd)
        {
            day = day.AddDays(1);
        }
        var opensLocal = day.ToDateTime(_options.SendWindowStart, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(opensLocal, zone));
    }

    private PmxDbContext NewContext() => new(dbOptions);

    private static string? Truncate(string? value) => value is null ? null : value.Length <= 500 ? value : value[..500];
}

/// <summary>A message a provider accepted, waiting for its Sent state and charge to be written.</summary>
public sealed record AcceptedSend(Message Message, SendResult Result);
