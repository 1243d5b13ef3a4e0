using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Practice;

/// <summary>
/// Reads and changes the practice's own profile: name, phone, postal address, time zone and text pricing. Reads go through the
/// process's <see cref="PracticeProfileCache"/> when one is registered (the web app and worker do), except inside a
/// transaction, which must see its own writes and must not leave them in the cache if it rolls back.
/// </summary>
public class PracticeDirectory(PmxDbContext db, AuditLog audit, PracticeProfileCache? cache = null)
{
    private static readonly CompiledPerModel<Func<PmxDbContext, CancellationToken, Task<PracticeProfile?>>> ReadAsync =
        new(() => EF.CompileAsyncQuery((PmxDbContext context, CancellationToken _) =>
            context.PracticeProfiles.AsNoTracking().FirstOrDefault(p => p.Id == PracticeProfile.SingletonId)));

    private static readonly CompiledPerModel<Func<PmxDbContext, PracticeProfile?>> Read =
        new(() => EF.CompileQuery((PmxDbContext context) =>
            context.PracticeProfiles.AsNoTracking().FirstOrDefault(p => p.Id == PracticeProfile.SingletonId)));

    public async Task<PracticeProfile> GetAsync(CancellationToken ct = default)
    {
        var cached = Cached();
        if (cached is not null)
        {
            return cached;
        }
        var version = cache?.Version ?? 0;
        return Keep(await ReadAsync.For(db)(db, ct), version);
    }

    public TimeZoneInfo GetTimeZone()
    {
        var cached = Cached();
        if (cached is not null)
        {
            return cached.TimeZone;
        }
        var version = cache?.Version ?? 0;
        return Keep(Read.For(db)(db), version).TimeZone;
    }

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
        cache?.Invalidate();
        await db.SaveChangesAsync(ct);
        cache?.Invalidate();
    }

    /// <summary>
    /// Switches how texts are priced: 3 credits per text message (off, the default) or 3 per SMS segment (on). Audited
    /// when it changes; returns whether it did. Campaigns already created keep the credits they reserved.
    /// </summary>
    public async Task<bool> SetTextPricingAsync(bool perSegment, CancellationToken ct = default)
    {
        var profile = await db.PracticeProfiles.FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct);
        if (profile is null || profile.PerSegmentTextPricing == perSegment)
        {
            return false;
        }
        profile.PerSegmentTextPricing = perSegment;
        audit.Add(AuditActions.TextPricingChanged, nameof(PracticeProfile), profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            perSegment ? "3 credits per SMS segment" : "3 credits per text message");
        cache?.Invalidate();
        await db.SaveChangesAsync(ct);
        cache?.Invalidate();
        return true;
    }

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private PracticeProfile? Cached() =>
        cache is not null && db.Database.CurrentTransaction is null ? cache.TryGet() : null;

    private PracticeProfile Keep(PracticeProfile? read, long version)
    {
        if (read is null)
        {
            return new PracticeProfile();
        }
        if (cache is not null && db.Database.CurrentTransaction is null)
        {
            cache.Set(read, version);
        }
        return read;
    }
}
