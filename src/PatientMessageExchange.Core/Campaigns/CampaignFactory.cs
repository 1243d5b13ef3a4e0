using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// Stores a campaign: the campaign row, its batches, every message (bulk-inserted, not through the change tracker),
/// the skipped recipients and the credit reservation, in one transaction. Jobs are handed to the queue only after
/// the commit, so a rolled-back campaign leaves neither a job nor a reservation (R17); a crash after the commit
/// leaves queued batches that the sweeper finds.
/// </summary>
public class CampaignFactory(
    PmxDbContext db,
    CreditLedger ledger,
    IDispatchQueue queue,
    IActorContext actor,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<CampaignFactory> logger)
{
    /// <summary>Runs inside the transaction just before commit; tests use it to prove a late failure leaves nothing.</summary>
    internal Func<CancellationToken, Task>? BeforeCommit { get; set; }

    public Task<CampaignCreation> CreateAsync(CampaignDraft draft, CancellationToken ct = default) =>
        CreateAsync(draft, null, ct);

    /// <summary>
    /// As <see cref="CreateAsync(CampaignDraft, CancellationToken)"/>; <paramref name="withinTransaction"/> writes its own
    /// rows with the new campaign's id in the same transaction (automated messages record their decisions there, so a
    /// unique-key conflict rolls the whole campaign back).
    /// </summary>
    public async Task<CampaignCreation> CreateAsync(CampaignDraft draft,
        Func<PmxDbContext, long, CancellationToken, Task>? withinTransaction, CancellationToken ct = default)
    {
        if (draft.Messages.Count == 0)
        {
            var balance = await ledger.GetBalance(ct);
            return new CampaignCreation(null, "No one in this audience can be reached, so there is nothing to send.", balance.Available);
        }
        var now = clock.GetUtcNow();
        var scheduled = draft.ScheduledForUtc is { } at && at > now ? at : (DateTimeOffset?)null;
        var batchSize = options.Value.BatchSize;

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var campaign = new Campaign
            {
                Kind = draft.Kind,
                Name = draft.Name,
                Need = draft.Need,
                TemplateId = draft.TemplateId,
                EmailSubjectTemplate = draft.EmailSubjectTemplate,
                EmailBodyTemplate = draft.EmailBodyTemplate,
                SmsTemplate = draft.SmsTemplate,
                VoiceTemplate = draft.VoiceTemplate,
                AudienceDescription = draft.AudienceDescription,
                Status = scheduled is null ? CampaignStatus.Sending : CampaignStatus.Scheduled,
                CreatedUtc = now,
                ScheduledForUtc = scheduled,
                StartedUtc = scheduled is null ? now : null,
                CreatedByUserId = actor.UserId,
                CreatedByName = actor.UserName,
                MessageCount = draft.Messages.Count,
                SkippedCount = draft.Skips.Count,
                ReservedCredits = draft.TotalCredits,
                AutomationRuleId = draft.AutomationRuleId,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancel);

            var groups = draft.Messages
                .GroupBy(m => m.Mode.ToChannel())
                .SelectMany(g => g.Chunk(batchSize).Select(chunk => (Channel: g.Key, Messages: chunk)))
                .ToList();
            var batches = groups.Select(g => new DispatchBatch
            {
                CampaignId = campaign.Id, Channel = g.Channel, NotBeforeUtc = scheduled,
                EnqueuedUtc = scheduled is null ? now : null,
            }).ToList();
            db.DispatchBatches.AddRange(batches);
            await db.SaveChangesAsync(cancel);

            await BulkInserter.InsertAsync(db, groups.SelectMany((g, i) => g.Messages.Select(m => new Message
            {
                CampaignId = campaign.Id,
                BatchId = batches[i].Id,
                PatientId = m.PatientId,
                ContactPointId = m.ContactPointId,
                AppointmentId = m.AppointmentId,
                Mode = m.Mode,
                Channel = g.Channel,
                Address = m.Address,
                Subject = m.Subject,
                Body = m.Body,
                Language = m.Language,
                Segments = m.Segments,
                Cost = m.Cost,
                DueItem = m.Due?.Name,
                DueDate = m.Due?.DueDate,
                Status = MessageStatus.Queued,
                CreatedUtc = now,
            })), cancel);
            await BulkInserter.InsertAsync(db, draft.Skips.Select(s => new CampaignSkip
            {
                CampaignId = campaign.Id, PatientId = s.PatientId, Address = s.Address, Reason = s.Reason, Explanation = s.Explanation,
            }), cancel);

            var reserved = await ledger.ReserveWithin(db, campaign.Id, draft.TotalCredits, $"reserve:campaign:{campaign.Id}", cancel);
            if (reserved.Outcome != CreditOutcome.Posted)
            {
                await transaction.RollbackAsync(cancel);
                db.ChangeTracker.Clear();
                return (Campaign: (Campaign?)null, Batches: batches, Refused: reserved.Outcome);
            }
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredUtc = now, UserId = actor.UserId, UserName = actor.UserName, IpAddress = actor.IpAddress,
                Action = AuditActions.CampaignCreated, EntityType = nameof(Campaign),
                EntityId = campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Detail = $"{draft.Kind}: {draft.Messages.Count} messages, {draft.Skips.Count} skipped, {draft.TotalCredits} credits reserved",
            });
            await db.SaveChangesAsync(cancel);
            if (withinTransaction is not null)
            {
                await withinTransaction(db, campaign.Id, cancel);
            }
            if (BeforeCommit is not null)
            {
                await BeforeCommit(cancel);
            }
            await transaction.CommitAsync(cancel);
            return (Campaign: (Campaign?)campaign, Batches: batches, Refused: (CreditOutcome?)null);
        }, ct);

        if (outcome.Campaign is null)
        {
            var balance = await ledger.GetBalance(ct);
            logger.LogInformation("Campaign refused: {Outcome} for {Credits} credits", outcome.Refused, draft.TotalCredits);
            return new CampaignCreation(null,
                $"This campaign needs {draft.TotalCredits:N0} credits but only {balance.Available:N0} are available. Buy credits or narrow the audience.",
                balance.Available);
        }
        if (scheduled is null)
        {
            foreach (var batch in outcome.Batches)
            {
                queue.Enqueue(batch.Id);
            }
        }
        logger.LogInformation("Campaign {CampaignId} created: {Messages} messages in {Batches} batches, {Credits} credits reserved",
            outcome.Campaign.Id, draft.Messages.Count, outcome.Batches.Count, draft.TotalCredits);
        var after = await ledger.GetBalance(ct);
        return new CampaignCreation(outcome.Campaign.Id, null, after.Available);
    }
}
