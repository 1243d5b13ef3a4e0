using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// A call's side of the conversation: the script it speaks, and what the person did: pressed 1 (the appointment is
/// confirmed, once, however often Twilio posts it: R7), pressed 2 (the appointment is cancelled, as a text "X" does),
/// pressed 3 (a call-back request for staff), nothing ("no response"), or an answering machine took it. Each outcome is
/// one <see cref="InboundMessage"/> keyed on the call. A 1 or 2 after the appointment has started changes nothing; on an
/// automated call that named brothers and sisters it answers for each of their appointments.
/// </summary>
public class CallReplyHandler(DbContextOptions<PmxDbContext> dbOptions, TimeProvider clock, ILogger<CallReplyHandler> logger)
{
    /// <summary>How a keypress is recorded on the appointment (ConfirmedBy / CancelledBy) and in the audit.</summary>
    public const string HowByPhone = "phone keypress";

    public async Task<CallScript?> GetScriptAsync(long messageId, CancellationToken ct = default)
    {
        await using var db = new PmxDbContext(dbOptions);
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.Channel == Channel.Voice)
            .Select(m => new { m.Id, m.Body, m.Language, m.CampaignId, m.AppointmentId }).FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }
        var confirmation = message.AppointmentId is not null &&
                           await db.Campaigns.AnyAsync(c => c.Id == message.CampaignId && c.Kind == CampaignKind.Confirmation, ct);
        return new CallScript(message.Id, message.Body, message.Language, confirmation);
    }

    /// <summary>Records the digit pressed (null or empty: no input). Null when the message is not a call of ours.</summary>
    public async Task<ReplyOutcome?> HandleGatherAsync(long messageId, string callSid, string? digits, CancellationToken ct = default)
    {
        var kind = (digits ?? "").Trim() switch
        {
            "1" => InboundKind.Confirmation,
            "2" => InboundKind.Cancellation,
            "3" => InboundKind.CallbackRequest,
            "" => InboundKind.NoResponse,
            _ => InboundKind.Other,
        };
        return await RecordAsync(messageId, $"{callSid}:gather", (digits ?? "").Trim(), kind, ct);
    }

    public Task<ReplyOutcome?> HandleMachineAsync(long messageId, string callSid, CancellationToken ct = default) =>
        RecordAsync(messageId, $"{callSid}:answered-by", "machine", InboundKind.MachineAnswered, ct);

    private async Task<ReplyOutcome?> RecordAsync(long messageId, string sid, string body, InboundKind kind, CancellationToken ct)
    {
        await using var db = new PmxDbContext(dbOptions);
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.Channel == Channel.Voice)
            .Select(m => new { m.Id, m.Address, m.PatientId, m.ContactPointId, m.AppointmentId, m.CampaignId }).FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }
        var existing = await db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(i => i.ProviderSid == sid, ct);
        if (existing is not null)
        {
            // Twilio posted the same keypress again: answer it as before, without doing anything twice.
            var late = existing.Kind is InboundKind.Confirmation or InboundKind.Cancellation && message.AppointmentId is not null
                       && !await AppointmentResponses.IsAheadAsync(db, message.AppointmentId.Value, clock.GetUtcNow(), ct);
            return new ReplyOutcome(existing.Kind, Duplicate: true, Passed: late);
        }
        var now = clock.GetUtcNow();
        var isConfirmation = message.AppointmentId is not null &&
                             await db.Campaigns.AnyAsync(c => c.Id == message.CampaignId && c.Kind == CampaignKind.Confirmation, ct);
        if (kind == InboundKind.Cancellation && !isConfirmation)
        {
            // A 2 on a call that asked nothing about an appointment: a person should look at it.
            kind = InboundKind.Other;
        }
        var answers = kind is InboundKind.Confirmation or InboundKind.Cancellation && isConfirmation;
        var passed = answers && !await AppointmentResponses.IsAheadAsync(db, message.AppointmentId!.Value, now, ct);
        var together = answers && !passed
            ? await AppointmentResponses.MergedSiblingsAsync(db, message.CampaignId, message.Address, ct)
            : [];
        var inbound = new InboundMessage
        {
            ProviderSid = sid, Channel = Channel.Voice, From = message.Address, To = "call", Body = body, ReceivedUtc = now, Kind = kind,
            PatientId = message.PatientId, ContactPointId = message.ContactPointId, AppointmentId = message.AppointmentId, MessageId = message.Id,
        };
        var confirmed = false;
        var cancelled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async cancel =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                db.InboundMessages.Add(inbound);
                await db.SaveChangesAsync(cancel);
                if (answers && !passed)
                {
                    var confirm = kind == InboundKind.Confirmation;
                    var changed = await AppointmentResponses.AnswerAsync(db, message.AppointmentId!.Value, together, confirm, HowByPhone, now, cancel);
                    (confirmed, cancelled) = (confirm && changed, !confirm && changed);
                }
                await transaction.CommitAsync(cancel);
            }, ct);
        }
        catch (DbUpdateException)
        {
            return new ReplyOutcome(kind, Duplicate: true);
        }
        logger.LogInformation("Call for message {MessageId}: {Kind} recorded", messageId, kind);
        return new ReplyOutcome(kind, Duplicate: false, Confirmed: confirmed, Cancelled: cancelled, Passed: passed);
    }
}
