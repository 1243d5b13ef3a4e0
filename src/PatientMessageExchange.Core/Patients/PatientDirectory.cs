using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;

namespace PatientMessageExchange.Core.Patients;

/// <summary>Finding patients, reading a chart's contact details, and correcting them.</summary>
public class PatientDirectory(PmxDbContext db, AuditLog audit, ContactNormalizer normalizer, TimeProvider clock)
{
    public async Task<PagedList<PatientListItem>> SearchAsync(PatientSearch search, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(search.PageSize, 5, 200);
        var page = Math.Max(1, search.Page);
        var query = db.Patients.AsNoTracking();
        if (!search.IncludeInactive)
        {
            query = query.Where(p => p.IsActive);
        }
        var text = search.Query?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            query = ApplyText(query, text);
        }
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PatientListItem(p.Id, p.ChartNumber, p.LastName, p.FirstName, p.PreferredName,
                p.DateOfBirth, p.Language, p.IsActive, p.ContactPoints.Count(),
                p.ContactPoints.Count(c => c.Status != ContactPointStatus.Valid)))
            .ToListAsync(ct);
        return new PagedList<PatientListItem>(items, page, pageSize, total);
    }

    private IQueryable<Patient> ApplyText(IQueryable<Patient> query, string text)
    {
        if (text.Contains('@'))
        {
            var email = text.ToLowerInvariant();
            return query.Where(p => p.ContactPoints.Any(c => c.Value == email));
        }
        if (text.Count(char.IsDigit) >= 7 && text.All(c => char.IsDigit(c) || " ()+-.".Contains(c)))
        {
            var phone = normalizer.NormalizePhone(text);
            if (phone.IsValid)
            {
                return query.Where(p => p.ContactPoints.Any(c => c.Value == phone.Value));
            }
        }
        // "Last, First" narrows by both names; a single word matches a chart number or either name.
        var parts = text.Split(',', 2, StringSplitOptions.TrimEntries);
        // What was typed is matched literally: %, _ and the escape character itself lose their LIKE meaning.
        if (parts.Length == 2 && parts[0].Length > 0)
        {
            var last = EscapeLike(parts[0]) + "%";
            var first = EscapeLike(parts[1]) + "%";
            return query.Where(p => EF.Functions.Like(p.LastName, last, LikeEscape) &&
                                    (EF.Functions.Like(p.FirstName, first, LikeEscape) || EF.Functions.Like(p.PreferredName!, first, LikeEscape)));
        }
        var prefix = EscapeLike(text) + "%";
        var chart = text.ToUpperInvariant();
        return query.Where(p => p.ChartNumber.ToUpper() == chart || EF.Functions.Like(p.LastName, prefix, LikeEscape) ||
                                EF.Functions.Like(p.FirstName, prefix, LikeEscape) || EF.Functions.Like(p.PreferredName!, prefix, LikeEscape));
    }

    private const string LikeEscape = "\\";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);

    /// <summary>Opens a chart. Every opening is audited, because reading a record is access to PHI.</summary>
    public async Task<Patient?> OpenAsync(int id, CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking()
            .Include(p => p.Guardians)
            .Include(p => p.ContactPoints)
            .Include(p => p.Appointments.OrderBy(a => a.StartUtc)).ThenInclude(a => a.Provider)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is not null)
        {
            await audit.RecordAsync(AuditActions.PatientViewed, nameof(Patient), id.ToString(), ct: ct);
        }
        return patient;
    }

    public async Task<OperationResult> AddContactPointAsync(int patientId, int? guardianId, ContactMode mode, string? rawValue,
        CancellationToken ct = default)
    {
        var patient = await db.Patients.Include(p => p.Guardians).Include(p => p.ContactPoints)
            .FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return OperationResult.Fail("The patient no longer exists.");
        }
        if (guardianId is not null && patient.Guardians.All(g => g.Id != guardianId))
        {
            return OperationResult.Fail("That guardian does not belong to this patient.", "GuardianId");
        }
        var normalized = normalizer.Normalize(mode, rawValue);
        if (!normalized.IsValid)
        {
            return OperationResult.Fail(normalized.Error!, "Value");
        }
        if (patient.ContactPoints.Any(c => c.Mode == mode && c.Value == normalized.Value))
        {
            return OperationResult.Fail($"This patient already has {normalized.Value} as {mode.DisplayName()}.", "Value");
        }
        patient.ContactPoints.Add(new ContactPoint
        {
            Mode = mode, Value = normalized.Value!, GuardianId = guardianId, StatusChangedUtc = clock.GetUtcNow(),
        });
        patient.UpdatedUtc = clock.GetUtcNow();
        audit.Add(AuditActions.ContactPointChanged, nameof(Patient), patientId.ToString(), $"{mode} added");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> UpdateContactPointAsync(int patientId, int contactPointId, string? rawValue,
        ContactPointStatus status, string? reason, CancellationToken ct = default)
    {
        var point = await db.ContactPoints.FirstOrDefaultAsync(c => c.Id == contactPointId && c.PatientId == patientId, ct);
        if (point is null)
        {
            return OperationResult.Fail("That contact point no longer exists.");
        }
        var normalized = normalizer.Normalize(point.Mode, rawValue);
        if (!normalized.IsValid)
        {
            return OperationResult.Fail(normalized.Error!, "Value");
        }
        var now = clock.GetUtcNow();
        var valueChanged = point.Value != normalized.Value;
        point.Value = normalized.Value!;
        point.EditedLocallyUtc = now;
        // Correcting an address is what fixes a bounce: a new value starts out valid unless staff say otherwise.
        var newStatus = valueChanged && status == point.Status ? ContactPointStatus.Valid : status;
        if (newStatus != point.Status || valueChanged)
        {
            point.Status = newStatus;
            point.StatusReason = newStatus == ContactPointStatus.Valid ? null : reason?.Trim();
            point.StatusChangedUtc = now;
        }
        audit.Add(AuditActions.ContactPointChanged, nameof(Patient), patientId.ToString(),
            $"{point.Mode} {(valueChanged ? "value changed" : "edited")}, status {point.Status}");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> RemoveContactPointAsync(int patientId, int contactPointId, CancellationToken ct = default)
    {
        var point = await db.ContactPoints.FirstOrDefaultAsync(c => c.Id == contactPointId && c.PatientId == patientId, ct);
        if (point is null)
        {
            return OperationResult.Fail("That contact point no longer exists.");
        }
        db.ContactPoints.Remove(point);
        if (point.FromEhr && !await db.EhrContactRemovals.AnyAsync(r => r.PatientId == patientId && r.Mode == point.Mode && r.Value == point.Value, ct))
        {
            // The sync would add it back the next time the EHR changes this patient; staff removed it on purpose.
            db.EhrContactRemovals.Add(new EhrContactRemoval { PatientId = patientId, Mode = point.Mode, Value = point.Value, RemovedUtc = clock.GetUtcNow() });
        }
        audit.Add(AuditActions.ContactPointChanged, nameof(Patient), patientId.ToString(), $"{point.Mode} removed");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }
}
