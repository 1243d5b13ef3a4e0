using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// A call's side of the conversation: the script it speaks, and what the person did: pressed 1 (the appointment is
/// confirmed, once, however often Twilio posts it: R7), pressed 2 (a call-back request for staff), nothing ("no
/// response"), or an answering machine took it. Each outcome is one <see cref="InboundMessage"/> keyed on the call.
/// </summary>
public class CallReplyHandler(DbContextOptions<PmxDbContext> dbOptions, TimeProvider clock, ILogger<CallReplyHandler> logger)
{
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
            "2" => InboundKind.CallbackRequest,
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
            return new ReplyOutcome(existing.Kind, Duplicate: true);
        }
        var now = clock.GetUtcNow();
        var isConfirmation = message.AppointmentId is not null &&
                             await db.Campaigns.AnyAsync(c => c.Id == message.CampaignId && c.Kind == CampaignKind.Confirmation, ct);
        var inbound = new InboundMessage
        {
            ProviderSid = sid, Channel = Channel.Voice, From = message.Address, To = "call", Body = body, ReceivedUtc = now, Kind = kind,
            PatientId = message.PatientId, ContactPointId = message.ContactPointId, AppointmentId = message.AppointmentId, MessageId = message.Id,
        };
        var confirmed = false;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async cancel =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                db.InboundMessages.Add(inbound);
                await db.SaveChangesAsync(cancel);
                if (kind == InboundKind.Confirmation && isConfirmation)
                {
                    confirmed = await InboundReplyHandler.ConfirmAsync(db, message.AppointmentId!.Value, "phone keypress", now, cancel);
                }
                await transaction.CommitAsync(cancel);
            }, ct);
        }
        catch (DbUpdateException)
        {
            return new ReplyOutcome(kind, Duplicate: true);
        }
        logger.LogInformation("Call for message {MessageId}: {Kind} recorded", messageId, kind);
        return new ReplyOutcome(kind, Duplicate: false, Confirmed: confirmed);
    }
}
