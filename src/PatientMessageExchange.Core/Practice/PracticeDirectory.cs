using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Practice;

/// <summary>Reads and changes the practice's own profile: name, phone, postal address and time zone.</summary>
public class PracticeDirectory(PmxDbContext db, AuditLog audit)
{
    public async Task<PracticeProfile> GetAsync(CancellationToken ct = default) =>
        await db.PracticeProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct)
        ?? new PracticeProfile();

    public TimeZoneInfo GetTimeZone() =>
        (db.PracticeProfiles.AsNoTracking().FirstOrDefault(p => p.Id == PracticeProfile.SingletonId) ?? new PracticeProfile()).TimeZone;

    public async Task SaveAsync(string name, string phone, string postalAddress, string timeZoneId, CancellationToken ct = default)
    {
        var profile = await db.PracticeProfiles.FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct);
        if (profile is null)
        {
            profile = new PracticeProfile();
            db.PracticeProfiles.Add(profile);
        }
        profile.Name = name.Trim();
        profile.Phone = phone.Trim();
        profile.PostalAddress = postalAddress.Trim();
        profile.TimeZoneId = timeZoneId;
        audit.Add(AuditActions.PracticeChanged, nameof(PracticeProfile), profile.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
