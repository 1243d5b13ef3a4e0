using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>
/// The one place that answers "how do we reach this patient for this need?". Every send, preview and worklist asks
/// here, so the rules live once:
/// <list type="bullet">
/// <item>an expressed preference for the need beats the practice default;</item>
/// <item>modes are tried in order; a mode the family put on do-not-contact, or with no usable point, falls through
/// to the next (points that are Bounced, Invalid, OptedOut or suppressed for the mode's channel are skipped);</item>
/// <item>a minor with a guardian on file is reached through the guardians' points (primary guardian first); the
/// minor's own points are skipped. Without any guardian on file the chart's points are the family's and are used;</item>
/// <item>inactive charts are never contacted.</item>
/// </list>
/// The data comes from five set-based queries whatever the audience size (defaults, patients, preferences,
/// do-not-contact modes, contact points with their suppression flag); the rules then run in memory.
/// </summary>
public class ContactResolver(PmxDbContext db, TimeProvider clock)
{
    public async Task<ContactResolution> ResolveAsync(int patientId, Need need, CancellationToken ct = default) =>
        (await ResolveAsync([patientId], need, ct))[0];

    /// <summary>One resolution per id, in the order given; ids not on the registry come back as NotFound.</summary>
    public async Task<IReadOnlyList<ContactResolution>> ResolveAsync(IReadOnlyCollection<int> patientIds, Need need,
        CancellationToken ct = default)
    {
        var ids = patientIds.Distinct().ToArray();
        // One array parameter, not one parameter per id: SQLite caps the number of parameters per statement.
        var audience = db.Patients.Where(p => EF.Parameter(ids).Contains(p.Id));
        var found = (await ResolveAsync(audience, [need], ct)).ToDictionary(r => r.PatientId);
        return patientIds
            .Select(id => found.TryGetValue(id, out var r) ? r : Unreachable(id, need, PreferenceSource.PracticeDefault, [],
                UnreachableReason.NotFound))
            .ToList();
    }

    /// <summary>What every need would use for one patient, for the patient page.</summary>
    public async Task<IReadOnlyList<ContactResolution>> ResolveAllNeedsAsync(int patientId, CancellationToken ct = default) =>
        await ResolveAsync(db.Patients.Where(p => p.Id == patientId), NeedExtensions.All, ct);

    /// <summary>
    /// Resolves every patient of <paramref name="audience"/> (any query over patients, composed into each statement
    /// as a sub-query) for each of <paramref name="needs"/>; ordered by patient id, then need.
    /// </summary>
    public async Task<IReadOnlyList<ContactResolution>> ResolveAsync(IQueryable<Patient> audience,
        IReadOnlyCollection<Need> needs, CancellationToken ct = default)
    {
        var needList = needs.Distinct().ToArray();
        var audienceIds = audience.Select(p => p.Id);

        var defaults = await db.DefaultContactPreferences.AsNoTracking()
            .ToDictionaryAsync(d => d.Need, d => d.Modes, ct);

        var patients = await audience.AsNoTracking()
            .OrderBy(p => p.Id)
            .Select(p => new PatientFacts(p.Id, p.IsActive, p.DateOfBirth, p.Guardians.Any()))
            .ToListAsync(ct);

        var preferences = new Dictionary<(int, Need), List<ContactMode>>();
        await foreach (var row in db.ContactPreferences.AsNoTracking()
                           .Where(c => audienceIds.Contains(c.PatientId) && needList.Contains(c.Need))
                           .Select(c => new { c.PatientId, c.Need, c.Modes })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            preferences[(row.PatientId, row.Need)] = row.Modes;
        }

        var blocked = new Dictionary<int, List<ContactMode>>();
        await foreach (var row in db.DoNotContacts.AsNoTracking()
                           .Where(d => audienceIds.Contains(d.PatientId))
                           .Select(d => new { d.PatientId, d.Mode })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(blocked, row.PatientId, row.Mode);
        }

        // Only modes that some order lists are ever used. A patient without an expressed preference for the needs
        // follows the defaults, so of their points only the defaults' modes are read (most families have a phone
        // number the reminder default never uses); patients who expressed one get all their points.
        var defaultModes = needList.SelectMany(n => defaults.GetValueOrDefault(n) ?? []).Distinct().ToArray();
        var points = new Dictionary<int, List<PointFacts>>();
        await foreach (var row in db.ContactPoints.AsNoTracking()
                           .Where(c => audienceIds.Contains(c.PatientId))
                           .Where(c => defaultModes.Contains(c.Mode) ||
                                       db.ContactPreferences.Any(p => p.PatientId == c.PatientId && needList.Contains(p.Need)))
                           .Select(c => new PointFacts(c.Id, c.PatientId, c.GuardianId,
                               c.GuardianId != null && c.Guardian!.IsPrimary, c.Mode, c.Value, c.Status,
                               db.Suppressions.Any(s => s.Address == c.Value && !s.AnnouncementsOnly && s.Channel ==
                                   (c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail
                                       ? SuppressionChannel.Email
                                       : c.Mode == ContactMode.Text ? SuppressionChannel.Sms : SuppressionChannel.Voice)),
                               db.Suppressions.Any(s => s.Address == c.Value && s.AnnouncementsOnly && s.Channel ==
                                   (c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail
                                       ? SuppressionChannel.Email
                                       : c.Mode == ContactMode.Text ? SuppressionChannel.Sms : SuppressionChannel.Voice))))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(points, row.PatientId, row);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var results = new List<ContactResolution>(patients.Count * needList.Length);
        foreach (var patient in patients)
        {
            var ownPoints = points.GetValueOrDefault(patient.Id) ?? [];
            var blockedModes = blocked.GetValueOrDefault(patient.Id) ?? [];
            foreach (var need in needList)
            {
                var (order, source) = preferences.TryGetValue((patient.Id, need), out var expressed)
                    ? (expressed, PreferenceSource.Expressed)
                    : (defaults.GetValueOrDefault(need) ?? [], PreferenceSource.PracticeDefault);
                results.Add(Decide(patient, need, source, order, ownPoints, blockedModes, today));
            }
        }
        return results;
    }

    internal static ContactResolution Decide(PatientFacts patient, Need need, PreferenceSource source,
        IReadOnlyList<ContactMode> order, IReadOnlyList<PointFacts> points, IReadOnlyList<ContactMode> blockedModes,
        DateOnly today)
    {
        if (!patient.IsActive)
        {
            return Unreachable(patient.Id, need, source, order, UnreachableReason.Inactive);
        }
        if (order.Count == 0)
        {
            return Unreachable(patient.Id, need, source, order, UnreachableReason.NoPreferredMethod);
        }
        var minorWithGuardian = patient.HasGuardian && IsMinor(patient.DateOfBirth, today);
        var contacts = new List<ResolvedContact>();
        var skipped = new List<SkippedContact>();
        var ofMode = new List<PointFacts>(points.Count);
        foreach (var mode in order.Distinct())
        {
            if (blockedModes.Contains(mode))
            {
                skipped.Add(new SkippedContact(mode, SkipReason.DoNotContact));
                continue;
            }
            // The mode's points, owner first (see OwnerRank), then by id; a plain loop and sort rather than LINQ's
            // ordered iterator, since this runs for every patient of a campaign.
            ofMode.Clear();
            foreach (var point in points)
            {
                if (point.Mode == mode)
                {
                    ofMode.Add(point);
                }
            }
            if (ofMode.Count == 0)
            {
                skipped.Add(new SkippedContact(mode, SkipReason.Missing));
                continue;
            }
            if (ofMode.Count > 1)
            {
                ofMode.Sort((a, b) =>
                {
                    var byOwner = OwnerRank(a, minorWithGuardian).CompareTo(OwnerRank(b, minorWithGuardian));
                    return byOwner != 0 ? byOwner : a.Id.CompareTo(b.Id);
                });
            }
            foreach (var point in ofMode)
            {
                var skip = SkipFor(point, need, minorWithGuardian);
                if (skip is null)
                {
                    contacts.Add(new ResolvedContact(point.Id, point.Mode, point.Value, point.GuardianId));
                }
                else
                {
                    skipped.Add(new SkippedContact(mode, skip.Value, point.Id));
                }
            }
        }
        UnreachableReason? reason = contacts.Count > 0 ? null
            : skipped.All(s => s.Reason == SkipReason.DoNotContact) ? UnreachableReason.DoNotContact
            : skipped.All(s => s.Reason is SkipReason.Missing or SkipReason.DoNotContact) ? UnreachableReason.NoContactOnFile
            : UnreachableReason.AllContactsUnusable;
        return new ContactResolution(patient.Id, need, source, order, contacts, skipped, reason);
    }

    private static SkipReason? SkipFor(PointFacts point, Need need, bool minorWithGuardian) => point switch
    {
        { Status: ContactPointStatus.Bounced } => SkipReason.Bounced,
        { Status: ContactPointStatus.Invalid } => SkipReason.Invalid,
        { Status: ContactPointStatus.OptedOut } => SkipReason.OptedOut,
        { Suppressed: true } => SkipReason.Suppressed,
        { UnsubscribedFromAnnouncements: true } when need.IsAnnouncement() => SkipReason.UnsubscribedFromAnnouncements,
        { GuardianId: null } when minorWithGuardian => SkipReason.MinorsOwnContact,
        _ => null,
    };

    private static int OwnerRank(PointFacts point, bool minorWithGuardian) => point switch
    {
        { GuardianId: null } => minorWithGuardian ? 2 : 0,
        { IsPrimaryGuardian: true } => minorWithGuardian ? 0 : 1,
        _ => minorWithGuardian ? 1 : 2,
    };

    private static bool IsMinor(DateOnly dateOfBirth, DateOnly today) => dateOfBirth > today.AddYears(-18);

    private static ContactResolution Unreachable(int patientId, Need need, PreferenceSource source,
        IReadOnlyList<ContactMode> order, UnreachableReason reason) =>
        new(patientId, need, source, order, [], [], reason);

    private static void Add<T>(Dictionary<int, List<T>> map, int key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    internal sealed record PatientFacts(int Id, bool IsActive, DateOnly DateOfBirth, bool HasGuardian);

    internal sealed record PointFacts(int Id, int PatientId, int? GuardianId, bool IsPrimaryGuardian, ContactMode Mode,
        string Value, ContactPointStatus Status, bool Suppressed, bool UnsubscribedFromAnnouncements = false);
}
