using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>
/// The outbox's texts and calls as staff see them, and the patient's side of them: a simulated reply goes through
/// <see cref="InboundReplyHandler"/> and a simulated keypress through <see cref="CallReplyHandler"/>, exactly as the
/// Twilio webhooks do after their signature check, so STOP, HELP, "C", charges and confirmations behave as for real.
/// </summary>
public class OutboxConversations(
    PmxDbContext db,
    IOptions<OutboxOptions> outbox,
    InboundReplyHandler replies,
    CallReplyHandler calls,
    AuditLog audit)
{
    /// <summary>The most numbers, and calls, one page shows.</summary>
    public const int Limit = 100;

    public const int MaxReplyLength = 1600;

    /// <summary>Conversations by number, the most recently active first.</summary>
    public async Task<IReadOnlyList<OutboxConversation>> GetTextsAsync(CancellationToken ct = default)
    {
        var records = OutboxTelephony.List(outbox.Value.Folder, OutboxTelephony.SmsFolder);
        var numbers = records.Select(r => r.To).Distinct().Take(Limit).ToList();
        var shown = records.Where(r => numbers.Contains(r.To)).ToList();
        var ids = shown.Select(r => r.MessageId).ToList();
        var messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Segments, m.Status }).ToDictionaryAsync(m => m.Id, ct);
        var inbound = await db.InboundMessages.AsNoTracking().Where(i => i.Channel == Channel.Sms && numbers.Contains(i.From))
            .Select(i => new { i.From, i.Body, i.Kind, i.ReceivedUtc, i.Id }).ToListAsync(ct);
        return numbers.Select(number =>
        {
            var entries = shown.Where(r => r.To == number)
                .Select(r => new OutboxConversationEntry(r.WrittenUtc, r.Text, r.MessageId,
                    messages.TryGetValue(r.MessageId, out var m) ? m.Segments : null, messages.TryGetValue(r.MessageId, out var s) ? s.Status : null))
                .Concat(inbound.Where(i => i.From == number).OrderBy(i => i.Id)
                    .Select(i => new OutboxConversationEntry(i.ReceivedUtc, i.Body, ReplyKind: i.Kind)))
                .OrderBy(e => e.AtUtc).ThenBy(e => e.IsReply ? 1 : 0).ThenBy(e => e.MessageId)
                .ToList();
            return new OutboxConversation(number, entries);
        }).ToList();
    }

    /// <summary>Calls, newest first, with what was pressed on each.</summary>
    public async Task<IReadOnlyList<OutboxCall>> GetCallsAsync(CancellationToken ct = default)
    {
        var records = OutboxTelephony.List(outbox.Value.Folder, OutboxTelephony.CallsFolder).Take(Limit).ToList();
        var ids = records.Select(r => r.MessageId).ToList();
        var statuses = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Status }).ToDictionaryAsync(m => m.Id, m => m.Status, ct);
        var outcomes = await db.InboundMessages.AsNoTracking()
            .Where(i => i.Channel == Channel.Voice && i.MessageId != null && ids.Contains(i.MessageId.Value))
            .OrderBy(i => i.Id).Select(i => new { MessageId = i.MessageId!.Value, i.Kind }).ToListAsync(ct);
        return records.Select(r => new OutboxCall(r.MessageId, r.To, r.Text, r.Language, r.WrittenUtc,
                statuses.TryGetValue(r.MessageId, out var status) ? status : null,
                outcomes.Where(o => o.MessageId == r.MessageId).Select(o => o.Kind).ToList()))
            .ToList();
    }

    /// <summary>
    /// A reply from a number the outbox texted, handled like a real inbound text. Null when the outbox never texted
    /// that number (there is nobody to reply as).
    /// </summary>
    public async Task<ReplyOutcome?> SimulateReplyAsync(string number, string body, CancellationToken ct = default)
    {
        number = number.Trim();
        if (!OutboxTelephony.List(outbox.Value.Folder, OutboxTelephony.SmsFolder).Any(r => r.To == number))
        {
            return null;
        }
        var sid = "SMsimulated" + Guid.NewGuid().ToString("N");
        var outcome = await replies.HandleSmsAsync(new InboundSms(sid, number, "outbox", body), ct);
        await audit.RecordAsync(AuditActions.OutboxReplySimulated, nameof(InboundMessage), sid,
            $"Simulated text reply, handled as {outcome.Kind}", ct);
        return outcome;
    }

    /// <summary>What the person does on a call the outbox placed. Null when there is no such call.</summary>
    public async Task<ReplyOutcome?> SimulateKeypressAsync(long messageId, SimulatedKeypress keypress, CancellationToken ct = default)
    {
        var record = OutboxTelephony.Find(outbox.Value.Folder, OutboxTelephony.CallsFolder, messageId);
        if (record is null)
        {
            return null;
        }
        var outcome = keypress switch
        {
            SimulatedKeypress.One => await calls.HandleGatherAsync(messageId, record.Sid, "1", ct),
            SimulatedKeypress.Two => await calls.HandleGatherAsync(messageId, record.Sid, "2", ct),
            SimulatedKeypress.Three => await calls.HandleGatherAsync(messageId, record.Sid, "3", ct),
            SimulatedKeypress.NoInput => await calls.HandleGatherAsync(messageId, record.Sid, null, ct),
            _ => await calls.HandleMachineAsync(messageId, record.Sid, ct),
        };
        if (outcome is not null)
        {
            await audit.RecordAsync(AuditActions.OutboxKeypressSimulated, nameof(Message), messageId.ToString(CultureInfo.InvariantCulture),
                $"Simulated {keypress} on the call, handled as {outcome.Kind}{(outcome.Duplicate ? " (already recorded)" : "")}", ct);
        }
        return outcome;
    }
}
