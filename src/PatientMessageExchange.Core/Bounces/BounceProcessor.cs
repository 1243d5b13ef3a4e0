using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Records a parsed report and applies it, all in one transaction: a bounce row per failed recipient (once, however
/// often the report is processed, R9), the contact points marked, the address suppressed, and an audit event. A
/// blocked bounce (the practice's mail refused, not the address) marks and suppresses nothing; its message becomes
/// Undelivered.
/// </summary>
public class BounceProcessor(PmxDbContext db, AuditLog audit, IOptions<BounceOptions> options, TimeProvider clock,
    ILogger<BounceProcessor> logger)
{
    public async Task<BounceProcessingResult> ProcessAsync(BounceReport report, CancellationToken ct = default)
    {
        var entries = report.Recipients
            .Select(r => (Recipient: r, Key: report.DedupeKeyFor(r)))
            .DistinctBy(r => r.Key)
            .ToList();
        if (entries.Count == 0)
        {
            return BounceProcessingResult.None;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(cancel);
            var outcomes = new List<BounceOutcome>();
            foreach (var (recipient, key) in entries)
            {
                outcomes.Add(await RecordAsync(report, recipient, key, cancel));
            }
            await tx.CommitAsync(cancel);
            return new BounceProcessingResult(outcomes);
        }, ct);

        logger.LogInformation(
            "Bounce report processed: {New} new ({Hard} hard, {Soft} soft, {Blocked} blocked, {Complaints} complaints, {Unclassified} unclassified), {Repeated} already recorded",
            result.NewBounces.Count(), result.NewBounces.Count(b => b.Kind == BounceKind.Hard),
            result.NewBounces.Count(b => b.Kind == BounceKind.Soft), result.NewBounces.Count(b => b.Kind == BounceKind.Blocked),
            result.NewBounces.Count(b => b.Kind == BounceKind.Complaint),
            result.NewBounces.Count(b => b.Kind == BounceKind.Unclassified), result.Bounces.Count(b => b.AlreadyRecorded));
        return result;
    }

    private async Task<BounceOutcome> RecordAsync(BounceReport report, BounceRecipient recipient, string key,
        CancellationToken ct)
    {
        var existing = await db.Bounces.AsNoTracking().Where(b => b.DedupeKey == key)
            .Select(b => new { b.Id, b.MessageId, b.Kind, b.TurnedHard })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return new BounceOutcome(existing.Id, existing.MessageId, existing.Kind, existing.TurnedHard, AlreadyRecorded: true);
        }

        var now = clock.GetUtcNow();
        var bounce = new Bounce
        {
            DedupeKey = key,
            Kind = recipient.Kind,
            Recipient = recipient.Recipient,
            OriginalRecipient = recipient.OriginalRecipient,
            Action = recipient.Action,
            Status = recipient.Status,
            DiagnosticCode = recipient.DiagnosticCode,
            RemoteMta = recipient.RemoteMta,
            FeedbackType = recipient.FeedbackType,
            ReportingMta = report.ReportingMta,
            ReportMessageId = report.ReportMessageId,
            OriginalEnvelopeId = report.OriginalEnvelopeId,
            OriginalMessageId = report.OriginalMessageId,
            MessageId = report.MessageId,
            Subject = report.Subject,
            Problem = recipient.Kind == BounceKind.Unclassified ? Truncate(report.Problem ?? "not read", 300) : null,
            ReceivedUtc = report.DateUtc ?? now,
            ProcessedUtc = now,
            RawMessage = report.RawMessage,
        };
        db.Bounces.Add(bounce);

        var address = recipient.Recipient;
        if (address is not null)
        {
            switch (bounce.Kind)
            {
                case BounceKind.Hard:
                    bounce.ContactPointsMarked = await MarkAsync(address, ContactPointStatus.Bounced, HardReason(bounce), now, ct);
                    await SuppressAsync(address, $"Hard bounce {bounce.Status}".Trim(), now, ct);
                    break;
                case BounceKind.Soft when await SoftBouncesInWindowAsync(address, bounce.ReceivedUtc, ct) + 1
                                          >= options.Value.SoftBounceThreshold:
                    var threshold = options.Value;
                    bounce.TurnedHard = true;
                    var reason = $"{threshold.SoftBounceThreshold} soft bounces in {threshold.SoftBounceWindowDays} days (last {bounce.Status})";
                    bounce.ContactPointsMarked = await MarkAsync(address, ContactPointStatus.Bounced, reason, now, ct);
                    await SuppressAsync(address, "Repeated soft bounces", now, ct);
                    break;
                case BounceKind.Blocked:
                    // The server refused the practice's mail, not the address: nothing about the patient changes.
                    break;
                case BounceKind.Complaint:
                    bounce.ContactPointsMarked = await MarkAsync(address, ContactPointStatus.OptedOut,
                        "Reported our email as spam", now, ct);
                    await SuppressAsync(address, "Complaint", now, ct);
                    break;
            }
        }
        // Only forward: a sent email becomes bounced (and, if personalized or a confirmation, due for channel fallback
        // by BounceMailboxJob or the sweeper), or undelivered when the practice's mail was blocked (no fallback: the
        // address is fine); anything already final stays as it is.
        var permanent = bounce.Kind == BounceKind.Hard || bounce.TurnedHard;
        if (permanent || bounce.Kind == BounceKind.Blocked)
        {
            bounce.MessageId ??= address is null ? null : await MatchRecentSendAsync(address, bounce.ReceivedUtc, ct);
            if (bounce.MessageId is { } messageId)
            {
                var (status, label) = permanent ? (MessageStatus.Bounced, "Bounced") : (MessageStatus.Undelivered, "Blocked");
                var detail = $"{label}: {bounce.Status} {bounce.DiagnosticCode}".Trim();
                await db.Messages.Where(m => m.Id == messageId && m.Status == MessageStatus.Sent)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(m => m.Status, status)
                        .SetProperty(m => m.CompletedUtc, now)
                        .SetProperty(m => m.FallbackPendingUtc, m => permanent && m.PatientId != null ? now : (DateTimeOffset?)null)
                        .SetProperty(m => m.Error, detail.Length > 500 ? detail[..500] : detail), ct);
            }
        }
        await db.SaveChangesAsync(ct);

        var applied = bounce.TurnedHard ? "soft, turned hard" : bounce.Kind.ToString().ToLowerInvariant();
        audit.Add(AuditActions.BounceRecorded, nameof(Bounce), bounce.Id.ToString(),
            $"{applied}; {bounce.ContactPointsMarked} contact point(s) marked; message {bounce.MessageId?.ToString() ?? "not matched"}");
        await db.SaveChangesAsync(ct);
        return new BounceOutcome(bounce.Id, bounce.MessageId, bounce.Kind, bounce.TurnedHard, AlreadyRecorded: false);
    }

    /// <summary>A report that names no message of ours: the latest email sent to the address in the last 30 days.</summary>
    private async Task<long?> MatchRecentSendAsync(string address, DateTimeOffset receivedUtc, CancellationToken ct)
    {
        var since = receivedUtc.AddDays(-30);
        return await db.Messages.AsNoTracking()
            .Where(m => m.Address == address && m.Channel == Channel.Email && m.SentUtc != null && m.SentUtc >= since && m.SentUtc <= receivedUtc)
            .OrderByDescending(m => m.SentUtc).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
    }

    private Task<int> SoftBouncesInWindowAsync(string address, DateTimeOffset receivedUtc, CancellationToken ct)
    {
        var since = receivedUtc.AddDays(-options.Value.SoftBounceWindowDays);
        return db.Bounces.CountAsync(b => b.Recipient == address && b.Kind == BounceKind.Soft && b.ReceivedUtc >= since, ct);
    }

    private async Task<int> MarkAsync(string address, ContactPointStatus status, string reason, DateTimeOffset now,
        CancellationToken ct)
    {
        var points = await db.ContactPoints
            .Where(c => c.Value == address && (c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail))
            .ToListAsync(ct);
        foreach (var point in points)
        {
            point.Status = status;
            point.StatusReason = reason.Length > 300 ? reason[..300] : reason;
            point.StatusChangedUtc = now;
            audit.Add(AuditActions.ContactPointChanged, nameof(Patient), point.PatientId.ToString(),
                $"{point.Mode} marked {status} by a bounce report");
        }
        return points.Count;
    }

    private async Task SuppressAsync(string address, string reason, DateTimeOffset now, CancellationToken ct)
    {
        // An address already suppressed for every need keeps its first reason; an announcements-only unsubscribe gets a wider row.
        var exists = db.Suppressions.Local.Any(s => s.Address == address && s.Channel == SuppressionChannel.Email && !s.AnnouncementsOnly)
                     || await db.Suppressions.AnyAsync(s => s.Address == address && s.Channel == SuppressionChannel.Email && !s.AnnouncementsOnly, ct);
        if (!exists)
        {
            db.Suppressions.Add(new Suppression { Address = address, Channel = SuppressionChannel.Email, Reason = reason, CreatedUtc = now });
        }
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];

    private static string HardReason(Bounce bounce)
    {
        var diagnostic = bounce.DiagnosticCode;
        var semicolon = diagnostic?.IndexOf(';') ?? -1;
        if (diagnostic is not null && semicolon >= 0)
        {
            diagnostic = diagnostic[(semicolon + 1)..].Trim();
        }
        if (diagnostic is { Length: > 120 })
        {
            diagnostic = diagnostic[..117] + "...";
        }
        return string.Join(" ", new[] { "Hard bounce", bounce.Status, diagnostic }.Where(s => !string.IsNullOrEmpty(s)));
    }
}
