using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Data.Configurations;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>Reading and changing the practice defaults and a patient's preferences; every change is audited.</summary>
public class ContactPreferenceBook(PmxDbContext db, AuditLog audit, IActorContext actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<DefaultContactPreference>> GetDefaultsAsync(CancellationToken ct = default)
    {
        var rows = await db.DefaultContactPreferences.AsNoTracking().ToDictionaryAsync(d => d.Need, ct);
        return NeedExtensions.All
            .Select(need => rows.GetValueOrDefault(need) ?? new DefaultContactPreference { Need = need })
            .ToList();
    }

    /// <summary>Active patients who have expressed nothing for each need, and so are reached by the default.</summary>
    public async Task<IReadOnlyDictionary<Need, int>> CountFallbacksAsync(CancellationToken ct = default)
    {
        var active = await db.Patients.CountAsync(p => p.IsActive, ct);
        var expressed = await db.ContactPreferences.Where(c => c.Patient!.IsActive)
            .GroupBy(c => c.Need)
            .Select(g => new { Need = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Need, g => g.Count, ct);
        return NeedExtensions.All.ToDictionary(need => need, need => active - expressed.GetValueOrDefault(need));
    }

    public async Task<OperationResult> SaveDefaultAsync(Need need, IReadOnlyList<ContactMode> modes, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(need))
        {
            return OperationResult.Fail("Choose a need from the list.");
        }
        if (CheckModes(modes) is { } problem)
        {
            return problem;
        }
        var row = await db.DefaultContactPreferences.FirstOrDefaultAsync(d => d.Need == need, ct);
        if (row is null)
        {
            row = new DefaultContactPreference { Need = need };
            db.DefaultContactPreferences.Add(row);
        }
        var before = Describe(row.Modes);
        if (row.Modes.SequenceEqual(modes))
        {
            return OperationResult.Ok;
        }
        row.Modes = [.. modes];
        row.UpdatedUtc = clock.GetUtcNow();
        row.UpdatedBy = actor.UserName;
        audit.Add(AuditActions.DefaultPreferenceChanged, nameof(DefaultContactPreference), need.ToString(),
            $"{need}: {before} -> {Describe(modes)}");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    public async Task<PatientPreferences> GetForPatientAsync(int patientId, CancellationToken ct = default)
    {
        var expressed = await db.ContactPreferences.AsNoTracking().Where(c => c.PatientId == patientId)
            .ToDictionaryAsync(c => c.Need, ct);
        var blocked = await db.DoNotContacts.AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderBy(d => d.Mode).ToListAsync(ct);
        return new PatientPreferences(expressed, blocked);
    }

    /// <summary>Records what the family said for a need; <paramref name="modes"/> null means "use the practice default".</summary>
    public async Task<OperationResult> SavePatientPreferenceAsync(int patientId, Need need, IReadOnlyList<ContactMode>? modes,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(need))
        {
            return OperationResult.Fail("Choose a need from the list.");
        }
        if (modes is not null && CheckModes(modes) is { } problem)
        {
            return problem;
        }
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return OperationResult.Fail("The patient no longer exists.");
        }
        var row = await db.ContactPreferences.FirstOrDefaultAsync(c => c.PatientId == patientId && c.Need == need, ct);
        var before = row is null ? "practice default" : Describe(row.Modes);
        if (modes is null)
        {
            if (row is null)
            {
                return OperationResult.Ok;
            }
            db.ContactPreferences.Remove(row);
        }
        else
        {
            if (row is not null && row.Modes.SequenceEqual(modes))
            {
                return OperationResult.Ok;
            }
            if (row is null)
            {
                row = new ContactPreference { PatientId = patientId, Need = need };
                db.ContactPreferences.Add(row);
            }
            row.Modes = [.. modes];
            row.ExpressedUtc = clock.GetUtcNow();
            row.RecordedBy = actor.UserName;
        }
        audit.Add(AuditActions.PatientPreferenceChanged, nameof(Patient), patientId.ToString(),
            $"{need}: {before} -> {(modes is null ? "practice default" : Describe(modes))}");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    /// <summary>Replaces the set of modes the family never wants used.</summary>
    public async Task<OperationResult> SaveDoNotContactAsync(int patientId, IReadOnlyCollection<ContactMode> modes,
        CancellationToken ct = default)
    {
        if (modes.Any(m => !Enum.IsDefined(m)))
        {
            return OperationResult.Fail("Choose modes from the list.", "DoNotContact");
        }
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return OperationResult.Fail("The patient no longer exists.");
        }
        var current = await db.DoNotContacts.Where(d => d.PatientId == patientId).ToListAsync(ct);
        var wanted = modes.ToHashSet();
        var before = current.Select(d => d.Mode).Order().ToList();
        if (before.SequenceEqual(wanted.Order()))
        {
            return OperationResult.Ok;
        }
        db.DoNotContacts.RemoveRange(current.Where(d => !wanted.Contains(d.Mode)));
        foreach (var mode in wanted.Where(m => current.All(d => d.Mode != m)))
        {
            db.DoNotContacts.Add(new DoNotContact
            {
                PatientId = patientId, Mode = mode, RecordedUtc = clock.GetUtcNow(), RecordedBy = actor.UserName,
            });
        }
        audit.Add(AuditActions.DoNotContactChanged, nameof(Patient), patientId.ToString(),
            $"do not contact: {Describe(before)} -> {Describe(wanted.Order().ToList())}");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    private static OperationResult? CheckModes(IReadOnlyList<ContactMode> modes)
    {
        if (modes.Any(m => !Enum.IsDefined(m)))
        {
            return OperationResult.Fail("Choose modes from the list.", "Modes");
        }
        return modes.Distinct().Count() != modes.Count
            ? OperationResult.Fail("Each mode can appear only once in the order.", "Modes")
            : null;
    }

    private static string Describe(IReadOnlyList<ContactMode> modes) =>
        modes.Count == 0 ? "none" : ContactModeListConversion.Format(modes);
}
