namespace PatientMessageExchange.Core.Practice;

/// <summary>
/// The practice profile as last read, shared by the requests of one process. Nearly every page needs the practice's
/// time zone and the profile changes only when an administrator saves it, through <see cref="PracticeDirectory.SaveAsync"/>,
/// which empties this cache in the same process. Another process (a separate worker host sharing the database) sees a
/// change within <see cref="Lifetime"/>.
/// </summary>
public sealed class PracticeProfileCache
{
    /// <summary>How long a read profile is used before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private Entry? _entry;
    private long _version;
    private readonly Lock _gate = new();

    /// <summary>Taken before reading the database, so a read that raced a save is not kept.</summary>
    internal long Version => Interlocked.Read(ref _version);

    internal PracticeProfile? TryGet()
    {
        var entry = Volatile.Read(ref _entry);
        return entry is not null && Environment.TickCount64 < entry.ExpiresAt ? Copy(entry.Profile) : null;
    }

    /// <summary>Keeps a profile read from the database; a practice not yet set up (no row) is never kept.</summary>
    internal void Set(PracticeProfile profile, long version)
    {
        var entry = new Entry(Copy(profile), Environment.TickCount64 + (long)Lifetime.TotalMilliseconds);
        lock (_gate)
        {
            if (Interlocked.Read(ref _version) == version)
            {
                Volatile.Write(ref _entry, entry);
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            Volatile.Write(ref _entry, null);
        }
    }

    // Callers get a copy of their own, so that one request changing its profile object can't change another's.
    private static PracticeProfile Copy(PracticeProfile p) => new()
    {
        Id = p.Id, Name = p.Name, Phone = p.Phone, PostalAddress = p.PostalAddress, TimeZoneId = p.TimeZoneId,
        PerSegmentTextPricing = p.PerSegmentTextPricing,
    };

    private sealed record Entry(PracticeProfile Profile, long ExpiresAt);
}
