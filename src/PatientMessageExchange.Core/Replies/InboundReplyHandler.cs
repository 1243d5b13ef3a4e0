using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// Handles an inbound text, from the webhook or the outbox's simulation alike. The reply row and what it does (an
/// opt-out, a re-subscription, a confirmation) commit together within the request (R5); the Twilio MessageSid makes a
/// repeated delivery a no-op. A reply is matched to the latest text we sent to that number. Replies other than
/// STOP/START/HELP are charged what a text costs under the practice's pricing, even past zero, once per MessageSid.
/// </summary>
public class InboundReplyHandler(
    DbContextOptions<PmxDbContext> dbOptions,
    CreditLedger ledger,
    ContactNormalizer normalizer,
    TimeProvider clock,
    ILogger<InboundReplyHandler> logger)
{
    public const string StopReason = "Replied STOP";

    public async Task<ReplyOutcome> HandleSmsAsync(InboundSms sms, CancellationToken ct = default)
    {
        await using var db = new PmxDbContext(dbOptions);
        var existing = await db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(i => i.ProviderSid == sms.MessageSid, ct);
        if (existing is not null)
        {
            return await FinishAsync(db, existing, duplicate: true, confirmed: false, ct);
        }
        var from = sms.From.Trim();
        var now = clock.GetUtcNow();
        var kind = ReplyKeywords.Classify(sms.Body);
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.Channel == Channel.Sms && m.Address == from && m.SentUtc != null)
            .OrderByDescending(m => m.SentUtc).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.PatientId, m.ContactPointId, m.AppointmentId, m.CampaignId })
            .FirstOrDefaultAsync(ct);
        var point = await db.ContactPoints.AsNoTracking().Where(c => c.Mode == ContactMode.Text && c.Value == from)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.PatientId }).FirstOrDefaultAsync(ct);
        var isConfirmationCampaign = latest is { AppointmentId: not null } &&
            await db.Campaigns.AnyAsync(c => c.Id == latest.CampaignId && c.Kind == CampaignKind.Confirmation, ct);
        if (kind is InboundKind.Confirmation or InboundKind.CallbackRequest or InboundKind.Cancellation && !isConfirmationCampaign)
        {
            // "C" or "2" with nothing to confirm: a person should read it.
            kind = InboundKind.Other;
        }
        var inbound = new InboundMessage
        {
            ProviderSid = sms.MessageSid, Channel = Channel.Sms, From = from, To = sms.To.Trim(), Body = sms.Body, ReceivedUtc = now, Kind = kind,
            PatientId = latest?.PatientId ?? point?.PatientId, ContactPointId = latest?.ContactPointId ?? point?.Id,
            AppointmentId = latest?.AppointmentId, MessageId = latest?.Id,
        };

        // A confirmation or cancellation after the appointment has started changes nothing and gets a polite answer.
        var passed = kind is InboundKind.Confirmation or InboundKind.Cancellation
                     && !await AppointmentResponses.IsAheadAsync(db, latest!.AppointmentId!.Value, now, ct);
        // An automated message that named brothers and sisters answers for each of their appointments.
        var together = kind is InboundKind.Confirmation or InboundKind.Cancellation && !passed
            ? await AppointmentResponses.MergedSiblingsAsync(db, latest!.CampaignId, from, ct)
            : [];
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
                switch (kind)
                {
                    case InboundKind.Stop:
                        await OptOutAsync(db, inbound, now, cancel);
                        break;
                    case InboundKind.Start:
                        await OptInAsync(db, inbound, now, cancel);
                        break;
                    case InboundKind.Confirmation when !passed:
                        confirmed = await AppointmentResponses.AnswerAsync(db, inbound.AppointmentId!.Value, together, confirm: true, "text reply", now, cancel);
                        break;
                    case InboundKind.Cancellation when !passed:
                        cancelled = await AppointmentResponses.AnswerAsync(db, inbound.AppointmentId!.Value, together, confirm: false, "text reply", now, cancel);
                        break;
                }
                await transaction.CommitAsync(cancel);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Twilio delivered the same text twice at once; the other request recorded it.
            var other = await db.InboundMessages.AsNoTracking().FirstAsync(i => i.ProviderSid == sms.MessageSid, ct);
            return await FinishAsync(db, other, duplicate: true, confirmed: false, ct);
        }
        logger.LogInformation("Inbound text {InboundId} recorded as {Kind} (patient {PatientId}, message {MessageId})",
            inbound.Id, kind, inbound.PatientId, inbound.MessageId);
        return await FinishAsync(db, inbound, duplicate: false, confirmed, ct, passed, cancelled);
    }

    /// <summary>Charges a non-keyword reply (idempotent on the MessageSid) and builds the answer for HELP.</summary>
    private async Task<ReplyOutcome> FinishAsync(PmxDbContext db, InboundMessage inbound, bool duplicate, bool confirmed, CancellationToken ct,
        bool passed = false, bool cancelled = false)
    {
        var isKeyword = ReplyKeywords.IsKeyword(inbound.Kind);
        if (!isKeyword)
        {
            var perSegment = await db.PracticeProfiles.AsNoTracking().Where(p => p.Id == PracticeProfile.SingletonId)
                .Select(p => p.PerSegmentTextPricing).FirstOrDefaultAsync(ct);
            var credits = CreditRates.Text(SmsSegmenter.Count(inbound.Body).Segments, perSegment);
            await ledger.ChargeInbound(inbound.Id, isKeyword: false, credits, $"inbound:{inbound.ProviderSid}", ct);
        }
        string? answer = null;
        if (inbound.Kind == InboundKind.Help || passed || cancelled)
        {
            var practice = await db.PracticeProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct) ?? new PracticeProfile();
            var phone = string.IsNullOrWhiteSpace(practice.Phone) ? "" : normalizer.FormatForDisplay(practice.Phone);
            answer = inbound.Kind == InboundKind.Help ? $"{practice.Name}: for help call us at {phone}. Reply STOP to opt out."
                : passed ? $"{practice.Name}: thank you for your reply. That appointment has already passed, so nothing was changed. Call us at {phone} if you need us."
                : $"{practice.Name}: your appointment is cancelled. Call us at {phone} to book a new time.";
        }
        return new ReplyOutcome(inbound.Kind, duplicate, answer, confirmed, cancelled);
    }

    private static async Task OptOutAsync(PmxDbContext db, InboundMessage inbound, DateTimeOffset now, CancellationToken ct)
    {
        var number = inbound.From;
        if (!await db.Suppressions.AnyAsync(s => s.Address == number && s.Channel == SuppressionChannel.Sms && !s.AnnouncementsOnly, ct))
        {
            db.Suppressions.Add(new Suppression { Address = number, Channel = SuppressionChannel.Sms, Reason = StopReason, CreatedUtc = now });
        }
        var points = await db.ContactPoints.Where(c => c.Mode == ContactMode.Text && c.Value == number)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ContactPointStatus.OptedOut)
                .SetProperty(c => c.StatusReason, StopReason)
                .SetProperty(c => c.StatusChangedUtc, now), ct);
        db.AuditEvents.Add(Audit(AuditActions.ReplyOptedOut, inbound, now, $"{points} text contact point(s) opted out"));
        await db.SaveChangesAsync(ct);
    }

    private static async Task OptInAsync(PmxDbContext db, InboundMessage inbound, DateTimeOffset now, CancellationToken ct)
    {
        var number = inbound.From;
        await db.Suppressions.Where(s => s.Address == number && s.Channel == SuppressionChannel.Sms &&
                                         (s.Reason == StopReason || s.Reason == "Opted out"))
            .ExecuteDeleteAsync(ct);
        var points = await db.ContactPoints.Where(c => c.Mode == ContactMode.Text && c.Value == number && c.Status == ContactPointStatus.OptedOut)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ContactPointStatus.Valid)
                .SetProperty(c => c.StatusReason, "Replied START")
                .SetProperty(c => c.StatusChangedUtc, now), ct);
        db.AuditEvents.Add(Audit(AuditActions.ReplyOptedIn, inbound, now, $"{points} text contact point(s) re-subscribed"));
        await db.SaveChangesAsync(ct);
    }

    private static AuditEvent Audit(string action, InboundMessage inbound, DateTimeOffset now, string detail) => new()
    {
        OccurredUtc = now, UserName = "patient", Action = action, EntityType = nameof(InboundMessage),
        EntityId = inbound.Id.ToString(CultureInfo.InvariantCulture), Detail = detail,
    };
}
