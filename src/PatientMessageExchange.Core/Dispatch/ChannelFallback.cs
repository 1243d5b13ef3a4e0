using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Channel fallback: when a personalized or confirmation message fails for good, the patient's next contact mode for
/// the campaign's need is tried. The callers decide what "for good" means (a refusal at send time, a hard bounce, a
/// carrier's landline / invalid / opted-out code, or the one retry of an unreachable handset failing too); a
/// transient give-up is not a fallback reason, since the mode itself was never shown to be wrong.
/// <para>The next mode comes from <see cref="ContactResolver"/> (which skips flagged and suppressed points), minus
/// every mode already tried along the chain of retries and fallbacks that led here, so the chain ends after at most
/// one message per mode. The message is rendered by <see cref="RecipientRenderer"/> from the campaign's template family
/// in the family's language, exactly as the planner would have. The new batch, the message (with its unique
/// <see cref="Message.FallbackOfMessageId"/>) and its reservation commit in one transaction; the job is queued after
/// the commit. A repeated or concurrent call finds the unique index and does nothing.</para>
/// <para>The failure's own transaction marks the message <see cref="Message.FallbackPendingUtc"/>; deciding clears the
/// mark, so a crash in between is picked up by the sweeper (<see cref="RetryPendingAsync"/>). A decision that throws is
/// tried again with a doubling delay, at most <see cref="DispatchOptions.FallbackMaxAttempts"/> times in all; then the
/// message is "Failed – needs attention" and listed on the Fix records worklist.</para>
/// <para>It opens its own database contexts, so the dispatcher may call it from parallel sends.</para>
/// </summary>
public class ChannelFallback(
    DbContextOptions<PmxDbContext> dbOptions,
    CreditLedger ledger,
    RecipientRenderer recipients,
    IDispatchQueue queue,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<ChannelFallback> logger)
{
    public const string NotePrefix = "No fallback:";
    public const string NoCreditsNote = NotePrefix + " not enough credits.";
    public const string NoOtherModeNote = NotePrefix + " no other usable contact method.";
    public const string GaveUpNote = NotePrefix + " it could not be decided after repeated errors; needs attention.";

    // A chain holds at most one message per mode plus their retries; the bound only guards against a corrupt loop.
    private const int MaxChain = 32;

    /// <summary>
    /// Decides the fallback of one failed message and clears its <see cref="Message.FallbackPendingUtc"/>. An exception
    /// leaves the mark, so the sweeper tries again.
    /// </summary>
    public async Task<FallbackResult> TryAsync(long messageId, CancellationToken ct = default)
    {
        var result = await DecideAsync(messageId, ct);
        if (result.Outcome != FallbackOutcome.Created)
        {
            // A created fallback cleared the mark in its own transaction.
            await using var db = new PmxDbContext(dbOptions);
            await db.Messages.Where(m => m.Id == messageId && m.FallbackPendingUtc != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FallbackPendingUtc, (DateTimeOffset?)null), ct);
        }
        return result;
    }

    /// <summary>
    /// Retries the fallbacks that were due but never decided (a crash between a failure's commit and its fallback),
    /// marked at least <paramref name="olderThan"/> ago. Returns how many were decided.
    /// </summary>
    public async Task<int> RetryPendingAsync(TimeSpan olderThan, int take, CancellationToken ct = default)
    {
        var before = clock.GetUtcNow() - olderThan;
        List<long> pending;
        await using (var db = new PmxDbContext(dbOptions))
        {
            pending = await db.Messages.AsNoTracking()
                .Where(m => m.FallbackPendingUtc != null && m.FallbackPendingUtc < before)
                .OrderBy(m => m.FallbackPendingUtc).Select(m => m.Id).Take(take).ToListAsync(ct);
        }
        var decided = 0;
        foreach (var id in pending)
        {
            if (await TryOrLeaveForSweepAsync(id, ct))
            {
                decided++;
            }
        }
        return decided;
    }

    /// <summary>
    /// <see cref="TryAsync"/> for callers whose own work (the failure) is already recorded and must not fail with it:
    /// an exception is logged and the pending mark stays, so the sweeper decides later. Returns whether it decided.
    /// </summary>
    public async Task<bool> TryOrLeaveForSweepAsync(long messageId, CancellationToken ct = default)
    {
        try
        {
            await TryAsync(messageId, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Channel fallback for message {MessageId} failed", messageId);
            await CountThrowAsync(messageId, ct);
            return false;
        }
    }

    /// <summary>
    /// Counts a throw. Below the cap the mark is put off by a doubling delay, so the sweeper tries again later; at the
    /// cap the mark is cleared and the message is "Failed – needs attention" (it lists on the Fix records worklist). No
    /// credits are held meanwhile: the failure released or charged the message's own share when it was recorded, and
    /// a fallback's reservation is only written in the transaction that creates the fallback, which a throw rolls back.
    /// </summary>
    private async Task CountThrowAsync(long messageId, CancellationToken ct)
    {
        try
        {
            await using var db = new PmxDbContext(dbOptions);
            var row = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.FallbackPendingUtc != null)
                .Select(m => new { m.FallbackAttempts }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return;
            }
            var attempts = row.FallbackAttempts + 1;
            var cap = options.Value.FallbackMaxAttempts;
            if (attempts < cap)
            {
                var next = clock.GetUtcNow() + options.Value.FallbackDelay(attempts);
                await db.Messages.Where(m => m.Id == messageId && m.FallbackAttempts == row.FallbackAttempts)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.FallbackAttempts, attempts)
                        .SetProperty(m => m.FallbackPendingUtc, next), ct);
                logger.LogWarning("Fallback of message {MessageId}: attempt {Attempt} of {Cap} failed; next try after {Next:u}",
                    messageId, attempts, cap, next);
                return;
            }
            await db.Messages.Where(m => m.Id == messageId && m.FallbackAttempts == row.FallbackAttempts)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.FallbackAttempts, attempts)
                    .SetProperty(m => m.FallbackPendingUtc, (DateTimeOffset?)null)
                    .SetProperty(m => m.NeedsAttention, true), ct);
            await NoteAsync(messageId, GaveUpNote, ct);
            logger.LogError("Fallback of message {MessageId} given up after {Attempts} failed attempts; it needs attention",
                messageId, attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The mark stays as it was, so the sweeper tries again; the count catches up on a later throw.
            logger.LogError(ex, "Could not record the failed fallback attempt of message {MessageId}", messageId);
        }
    }

    private async Task<FallbackResult> DecideAsync(long messageId, CancellationToken ct)
    {
        await using var db = new PmxDbContext(dbOptions);
        var failed = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (failed is null || failed.PatientId is not { } patientId || !IsFinalFailure(failed.Status))
        {
            return new FallbackResult(FallbackOutcome.NotEligible);
        }
        if (await ExistingAsync(db, messageId, ct) is { } existing)
        {
            return existing;
        }
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == failed.CampaignId, ct);
        if (campaign.Kind == CampaignKind.Broadcast)
        {
            return new FallbackResult(FallbackOutcome.NotEligible);
        }
        if (campaign.Status == CampaignStatus.Cancelled)
        {
            return Skipped(failed, FallbackOutcome.CampaignCancelled);
        }
        var now = clock.GetUtcNow();
        Appointment? appointment = null;
        if (failed.AppointmentId is { } appointmentId)
        {
            appointment = await db.Appointments.AsNoTracking().Include(a => a.Provider).FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
            if (appointment is null || IsSettled(campaign.Kind, appointment, now))
            {
                return Skipped(failed, FallbackOutcome.AppointmentSettled);
            }
        }
        var resolution = await new ContactResolver(db, clock).ResolveAsync(patientId, campaign.Need, ct);
        if (resolution.Reason is UnreachableReason.Inactive or UnreachableReason.NotFound)
        {
            return Skipped(failed, FallbackOutcome.PatientInactive);
        }
        var family = campaign.TemplateId is { } templateId ? await TemplateLibrary.LoadFamilyAsync(db, templateId, ct) : null;
        var patient = await db.Patients.AsNoTracking().Include(p => p.Guardians).FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (family is null || patient is null)
        {
            return Skipped(failed, family is null ? FallbackOutcome.NoTemplate : FallbackOutcome.PatientInactive);
        }
        var variant = family.For(patient.Language);
        var tried = await TriedModesAsync(db, failed, ct);
        var contact = NextContact(variant, resolution.Contacts, tried);
        if (contact is null)
        {
            await NoteAsync(messageId, NoOtherModeNote, ct);
            return Skipped(failed, FallbackOutcome.NoOtherMode);
        }
        var practice = await db.PracticeProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct)
                       ?? new PracticeProfile();
        var due = failed.DueItem is { } item ? new DueItem(item, failed.DueDate ?? practice.TimeZone.LocalDate(now)) : null;
        PlannedMessage planned;
        try
        {
            planned = recipients.Render(variant, contact, patient, appointment, due, practice);
        }
        catch (TemplateRenderException e)
        {
            await NoteAsync(messageId, $"{NotePrefix} {e.Message}", ct);
            return Skipped(failed, FallbackOutcome.NoOtherMode);
        }

        FallbackResult created;
        try
        {
            created = await StoreAsync(db, failed, planned, now, ct);
        }
        catch (DbUpdateException)
        {
            // The same failure reported twice at once: the other call stored the fallback.
            await using var again = new PmxDbContext(dbOptions);
            return await ExistingAsync(again, messageId, ct) ?? new FallbackResult(FallbackOutcome.AlreadyCreated);
        }
        switch (created.Outcome)
        {
            case FallbackOutcome.Created:
                logger.LogInformation("Message {MessageId} failed for good; fallback message {FallbackId} by {Mode} queued",
                    messageId, created.FallbackMessageId, planned.Mode);
                break;
            case FallbackOutcome.NotEnoughCredits:
                await NoteAsync(messageId, NoCreditsNote, ct);
                return Skipped(failed, FallbackOutcome.NotEnoughCredits);
            default:
                return Skipped(failed, created.Outcome);
        }
        return created;
    }

    /// <summary>The statuses a message ends in when it did not reach the patient.</summary>
    public static bool IsFinalFailure(MessageStatus status) =>
        status is MessageStatus.Failed or MessageStatus.Bounced or MessageStatus.Undelivered;

    /// <summary>
    /// Whether asking again is pointless: a confirmation for an appointment no longer merely scheduled, or any message
    /// about an appointment that was cancelled, is over, or has started.
    /// </summary>
    public static bool IsSettled(CampaignKind kind, Appointment appointment, DateTimeOffset now) =>
        appointment.StartUtc <= now ||
        appointment.Status is AppointmentStatus.Cancelled or AppointmentStatus.Completed or AppointmentStatus.NoShow ||
        (kind == CampaignKind.Confirmation && appointment.Status != AppointmentStatus.Scheduled);

    /// <summary>The first usable contact, in preference order, of a mode not yet tried and with a part in the template.</summary>
    public static ResolvedContact? NextContact(MessageTemplate variant, IEnumerable<ResolvedContact> contacts,
        IReadOnlySet<ContactMode> tried) =>
        RecipientRenderer.ChooseContact(variant, contacts.Where(c => !tried.Contains(c.Mode)));

    /// <summary>Every mode used by this message and the retries and fallbacks it descends from.</summary>
    private static async Task<HashSet<ContactMode>> TriedModesAsync(PmxDbContext db, Message failed, CancellationToken ct)
    {
        var modes = new HashSet<ContactMode> { failed.Mode };
        var previous = failed.FallbackOfMessageId ?? failed.RetryOfMessageId;
        for (var i = 0; previous is { } id && i < MaxChain; i++)
        {
            var step = await db.Messages.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Mode, m.FallbackOfMessageId, m.RetryOfMessageId }).FirstOrDefaultAsync(ct);
            if (step is null)
            {
                break;
            }
            modes.Add(step.Mode);
            previous = step.FallbackOfMessageId ?? step.RetryOfMessageId;
        }
        return modes;
    }

    private async Task<FallbackResult> StoreAsync(PmxDbContext db, Message failed, PlannedMessage planned, DateTimeOffset now,
        CancellationToken ct)
    {
        var channel = planned.Mode.ToChannel();
        var strategy = db.Database.CreateExecutionStrategy();
        var stored = await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            // A write first (SQLite then holds the write lock, and never sees a stale snapshot), which is also the
            // check that the campaign was not cancelled meanwhile. A finished campaign is sending again until the
            // fallback is done, so it can still be cancelled.
            var open = await db.Campaigns
                .Where(c => c.Id == failed.CampaignId && c.Status != CampaignStatus.Cancelled)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.MessageCount, c => c.MessageCount + 1)
                    .SetProperty(c => c.ReservedCredits, c => c.ReservedCredits + planned.Cost)
                    .SetProperty(c => c.CompletedUtc, c => c.Status == CampaignStatus.Completed ? null : c.CompletedUtc)
                    .SetProperty(c => c.Status, c => c.Status == CampaignStatus.Completed ? CampaignStatus.Sending : c.Status), cancel);
            if (open == 0)
            {
                await transaction.RollbackAsync(cancel);
                return (Outcome: FallbackOutcome.CampaignCancelled, Message: (Message?)null);
            }
            var batch = new DispatchBatch { CampaignId = failed.CampaignId, Channel = channel, EnqueuedUtc = now };
            db.DispatchBatches.Add(batch);
            await db.SaveChangesAsync(cancel);
            var message = new Message
            {
                CampaignId = failed.CampaignId, BatchId = batch.Id, PatientId = planned.PatientId, ContactPointId = planned.ContactPointId,
                AppointmentId = planned.AppointmentId, Mode = planned.Mode, Channel = channel, Address = planned.Address,
                Subject = planned.Subject, Body = planned.Body, Language = planned.Language, Segments = planned.Segments,
                Cost = planned.Cost, DueItem = planned.Due?.Name, DueDate = planned.Due?.DueDate, Status = MessageStatus.Queued,
                CreatedUtc = now, FallbackOfMessageId = failed.Id,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancel);
            await db.Messages.Where(m => m.Id == failed.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FallbackPendingUtc, (DateTimeOffset?)null), cancel);
            var reserved = await ledger.ReserveWithin(db, failed.CampaignId, planned.Cost, $"reserve:fallback:{failed.Id}", cancel);
            if (reserved.Outcome != CreditOutcome.Posted)
            {
                await transaction.RollbackAsync(cancel);
                return (Outcome: FallbackOutcome.NotEnoughCredits, Message: (Message?)null);
            }
            await transaction.CommitAsync(cancel);
            return (Outcome: FallbackOutcome.Created, Message: (Message?)message);
        }, ct);
        if (stored.Message is not { } created)
        {
            return new FallbackResult(stored.Outcome);
        }
        queue.Enqueue(created.BatchId);
        return new FallbackResult(FallbackOutcome.Created, created.Id, created.Mode);
    }

    private static async Task<FallbackResult?> ExistingAsync(PmxDbContext db, long messageId, CancellationToken ct)
    {
        var existing = await db.Messages.AsNoTracking().Where(m => m.FallbackOfMessageId == messageId)
            .Select(m => new { m.Id, m.Mode }).FirstOrDefaultAsync(ct);
        return existing is null ? null : new FallbackResult(FallbackOutcome.AlreadyCreated, existing.Id, existing.Mode);
    }

    /// <summary>Adds why there was no fallback to the failed message's error, once, so staff see it.</summary>
    private async Task NoteAsync(long messageId, string note, CancellationToken ct)
    {
        await using var db = new PmxDbContext(dbOptions);
        var error = await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Error).FirstOrDefaultAsync(ct);
        if (error?.Contains(note, StringComparison.Ordinal) == true)
        {
            return;
        }
        var head = error is null ? "" : error.Length + note.Length + 1 > 500 ? error[..(499 - note.Length)] + " " : error + " ";
        await db.Messages.Where(m => m.Id == messageId && m.Error == error)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Error, head + note), ct);
    }

    private FallbackResult Skipped(Message failed, FallbackOutcome outcome)
    {
        // Ids and the reason only: names, addresses and bodies are PHI and stay out of logs.
        logger.LogInformation("Message {MessageId} of campaign {CampaignId} failed for good; no fallback: {Reason}",
            failed.Id, failed.CampaignId, outcome);
        return new FallbackResult(outcome);
    }
}
