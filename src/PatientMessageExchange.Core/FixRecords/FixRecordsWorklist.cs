using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Core.FixRecords;

/// <summary>
/// Contact points that need a person's attention, and patients no message for a need can reach. A row leaves the
/// list when the point is corrected (it turns Valid) or marked reviewed; it comes back if the status changes again.
/// </summary>
public class FixRecordsWorklist(PmxDbContext db, ContactResolver resolver, AuditLog audit, TimeProvider clock,
    PracticeDirectory practice)
{
    public async Task<PagedList<FixRecordItem>> ListAsync(FixRecordsQuery query, CancellationToken ct = default)
    {
        var all = await LoadAsync(query, ct);
        var pageSize = Math.Clamp(query.PageSize, 10, 500);
        var page = Math.Max(1, query.Page);
        return new PagedList<FixRecordItem>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, all.Count);
    }

    public async Task WriteCsvAsync(FixRecordsQuery query, TextWriter writer, CancellationToken ct = default)
    {
        var all = await LoadAsync(query, ct);
        await using var csv = new SafeCsvWriter(writer);
        await csv.WriteRowAsync(["ChartNumber", "Patient", "Guardian", "Mode", "Value", "Reason", "Detail", "SinceUtc"]);
        foreach (var item in all)
        {
            await csv.WriteRowAsync([item.ChartNumber, item.PatientName, item.GuardianName, item.Mode.ToString(), item.Value,
                item.Reason.ToString(), item.Detail, item.SinceUtc?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
        }
        await csv.FlushAsync();
        await audit.RecordAsync(AuditActions.FixRecordsExported, detail: $"{all.Count} rows", ct: ct);
    }

    public async Task<OperationResult> MarkReviewedAsync(int contactPointId, CancellationToken ct = default)
    {
        var point = await db.ContactPoints.FirstOrDefaultAsync(c => c.Id == contactPointId, ct);
        if (point is null)
        {
            return OperationResult.Fail("That contact point no longer exists.");
        }
        point.ReviewedUtc = clock.GetUtcNow();
        audit.Add(AuditActions.ContactPointReviewed, nameof(Patient), point.PatientId.ToString(),
            $"{point.Mode} reviewed, status {point.Status}");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    /// <summary>Active patients that a message for <paramref name="need"/> would skip, with the reason.</summary>
    public async Task<PagedList<UnreachablePatient>> ListUnreachableAsync(Need need, UnreachableReason? reason, int page,
        CancellationToken ct = default)
    {
        const int pageSize = 50;
        var unreachable = (await resolver.ResolveAsync(db.Patients.Where(p => p.IsActive), [need], ct))
            .Where(r => !r.IsReachable && (reason is null || r.Reason == reason))
            .ToList();
        page = Math.Max(1, page);
        var slice = unreachable.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = slice.Select(r => r.PatientId).ToArray();
        var names = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ChartNumber, p.LastName, p.FirstName, p.PreferredName })
            .ToDictionaryAsync(p => p.Id, ct);
        var items = slice
            .Where(r => names.ContainsKey(r.PatientId))
            .Select(r =>
            {
                var p = names[r.PatientId];
                return new UnreachablePatient(p.Id, p.ChartNumber, $"{p.LastName}, {p.PreferredName ?? p.FirstName}", r);
            })
            .ToList();
        return new PagedList<UnreachablePatient>(items, page, pageSize, unreachable.Count);
    }

    private async Task<List<FixRecordItem>> LoadAsync(FixRecordsQuery query, CancellationToken ct)
    {
        var zone = practice.GetTimeZone();
        // The list is the chart's problem points; it stays small next to the registry, so filters run in memory.
        // An announcements-only unsubscribe is the family's choice, not a record to fix.
        var suppressions = db.Suppressions.Where(s => !s.AnnouncementsOnly);
        var rows = await db.ContactPoints.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.PatientId, c.Patient!.ChartNumber, c.Patient.LastName, c.Patient.FirstName, c.Patient.PreferredName,
                GuardianFirst = c.Guardian!.FirstName, GuardianLast = c.Guardian.LastName,
                c.Mode, c.Value, c.Status, c.StatusReason, c.StatusChangedUtc, c.ReviewedUtc,
                Channel = c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail
                    ? SuppressionChannel.Email
                    : c.Mode == ContactMode.Text ? SuppressionChannel.Sms : SuppressionChannel.Voice,
            })
            .Select(c => new
            {
                Point = c,
                SuppressionReason = suppressions.Where(s => s.Address == c.Value && s.Channel == c.Channel)
                    .Select(s => s.Reason).FirstOrDefault(),
                SuppressedUtc = suppressions.Where(s => s.Address == c.Value && s.Channel == c.Channel)
                    .Select(s => (DateTimeOffset?)s.CreatedUtc).FirstOrDefault(),
            })
            .Where(c => c.Point.Status != ContactPointStatus.Valid || c.SuppressionReason != null)
            .ToListAsync(ct);

        var items = new List<FixRecordItem>();
        foreach (var found in rows)
        {
            var row = found.Point;
            var (reason, detail, since) = row.Status switch
            {
                ContactPointStatus.Bounced => (FixReason.Bounced, row.StatusReason, row.StatusChangedUtc),
                ContactPointStatus.Invalid when row.StatusReason == TwilioErrorCodes.LandlineReason =>
                    (FixReason.LandlineForText, "Landline: it can't take texts. Suggest adding it as a phone (voice) contact.", row.StatusChangedUtc),
                ContactPointStatus.Invalid => (FixReason.Invalid, row.StatusReason, row.StatusChangedUtc),
                ContactPointStatus.OptedOut => (FixReason.OptedOut, row.StatusReason, row.StatusChangedUtc),
                _ => (FixReason.Suppressed, found.SuppressionReason, found.SuppressedUtc),
            };
            if (row.ReviewedUtc is { } reviewed && (since is null || reviewed >= since))
            {
                continue;
            }
            if (query.Reason is { } wanted && wanted != reason)
            {
                continue;
            }
            // The filter's dates are the practice's days, as the list shows them.
            var day = since is null ? (DateOnly?)null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(since.Value, zone).DateTime);
            if ((query.From is { } from && (day is null || day < from)) || (query.To is { } to && (day is null || day > to)))
            {
                continue;
            }
            var guardian = row.GuardianFirst is null ? null : $"{row.GuardianFirst} {row.GuardianLast}";
            items.Add(new FixRecordItem(row.Id, row.PatientId, row.ChartNumber,
                $"{row.LastName}, {row.PreferredName ?? row.FirstName}", guardian, row.Mode, row.Value, reason, detail, since));
        }
        items.AddRange(await LoadFallbackFailuresAsync(query, ct));
        return items.OrderByDescending(i => i.SinceUtc).ThenBy(i => i.ContactPointId).ToList();
    }

    /// <summary>
    /// Failed messages whose fallback was given up after repeated errors (<see cref="Dispatch.ChannelFallback"/>): flagged
    /// for attention, with attempts counted and no decision pending. Marking the point reviewed clears the row.
    /// </summary>
    private async Task<List<FixRecordItem>> LoadFallbackFailuresAsync(FixRecordsQuery query, CancellationToken ct)
    {
        if (query.Reason is { } wanted && wanted != FixReason.FallbackFailed)
        {
            return [];
        }
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.NeedsAttention && m.FallbackAttempts > 0 && m.FallbackPendingUtc == null && m.ContactPointId != null)
            .Join(db.ContactPoints, m => m.ContactPointId, c => c.Id, (m, c) => new
            {
                MessageId = m.Id, m.FallbackAttempts, m.CompletedUtc, m.SentUtc, c.Id, c.PatientId, c.Patient!.ChartNumber,
                c.Patient.LastName, c.Patient.FirstName, c.Patient.PreferredName, GuardianFirst = c.Guardian!.FirstName,
                GuardianLast = c.Guardian.LastName, c.Mode, c.Value, c.ReviewedUtc,
            })
            .ToListAsync(ct);
        var items = new List<FixRecordItem>();
        foreach (var row in rows)
        {
            var since = row.CompletedUtc ?? row.SentUtc;
            if (row.ReviewedUtc is { } reviewed && (since is null || reviewed >= since))
            {
                continue;
            }
            var day = since is null ? (DateOnly?)null : DateOnly.FromDateTime(since.Value.UtcDateTime);
            if ((query.From is { } from && (day is null || day < from)) || (query.To is { } to && (day is null || day > to)))
            {
                continue;
            }
            var guardian = row.GuardianFirst is null ? null : $"{row.GuardianFirst} {row.GuardianLast}";
            items.Add(new FixRecordItem(row.Id, row.PatientId, row.ChartNumber, $"{row.LastName}, {row.PreferredName ?? row.FirstName}",
                guardian, row.Mode, row.Value, FixReason.FallbackFailed,
                $"Message #{row.MessageId} failed, and its fallback to another contact method failed {row.FallbackAttempts} times. " +
                "Failed – needs attention: reach the family another way.", since));
        }
        return items;
    }
}
