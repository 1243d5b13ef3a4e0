using Hl7.Fhir.Model;
using PatientMessageExchange.Core.Patients;
using ContactPoint = Hl7.Fhir.Model.ContactPoint;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// Maps FHIR telecom to the registry's contact modes: a mobile phone or an sms number is for texts, a home (or
/// unspecified) phone for calls, a work phone or email to the work modes. Per mode the best-ranked current entry wins;
/// values are normalised as the CSV import does, and ones that fail are reported, not stored.
/// </summary>
internal static class EhrTelecom
{
    public static Dictionary<ContactMode, string> Map(IEnumerable<ContactPoint> telecom, ContactNormalizer normalizer,
        DateTimeOffset now, List<string> problems)
    {
        var best = new Dictionary<ContactMode, (int Rank, int Order, string Value)>();
        var order = 0;
        foreach (var point in telecom)
        {
            order++;
            if (string.IsNullOrWhiteSpace(point.Value) || Ended(point, now))
            {
                continue;
            }
            ContactMode? mode = (point.System, point.Use) switch
            {
                (ContactPoint.ContactPointSystem.Sms, _) => ContactMode.Text,
                (ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile) => ContactMode.Text,
                (ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work) => ContactMode.WorkPhone,
                (ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Old) => null,
                (ContactPoint.ContactPointSystem.Phone, _) => ContactMode.Phone,
                (ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work) => ContactMode.WorkEmail,
                (ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Old) => null,
                (ContactPoint.ContactPointSystem.Email, _) => ContactMode.Email,
                _ => null,
            };
            if (mode is null)
            {
                continue;
            }
            var normalized = normalizer.Normalize(mode.Value, point.Value);
            if (!normalized.IsValid)
            {
                problems.Add($"telecom {order} ({point.System?.ToString().ToLowerInvariant()}) was not stored: it is not a valid " +
                             (mode.Value.IsEmail() ? "email address." : "phone number."));
                continue;
            }
            var rank = point.Rank ?? int.MaxValue;
            if (!best.TryGetValue(mode.Value, out var current) || rank < current.Rank)
            {
                best[mode.Value] = (rank, order, normalized.Value!);
            }
        }
        return best.ToDictionary(b => b.Key, b => b.Value.Value);
    }

    private static bool Ended(ContactPoint point, DateTimeOffset now) =>
        point.Period?.EndElement is { } end && end.TryToDateTimeOffset(out var endUtc) && endUtc < now;

    /// <summary>
    /// Brings one owner's contact points (the patient's own, or one guardian's) in line with the EHR, without touching
    /// what staff corrected or what a bounce or opt-out flagged: those the app owns, and the EHR only adds beside them.
    /// A value staff removed from the patient (<paramref name="removedLocally"/>) is not added again.
    /// </summary>
    public static void Apply(PatientMessageExchange.Core.Patients.Patient patient, Guardian? owner,
        IReadOnlyDictionary<ContactMode, string> wanted, DateTimeOffset now, Action<PatientMessageExchange.Core.Patients.ContactPoint> removed,
        IReadOnlySet<(ContactMode Mode, string Value)> removedLocally)
    {
        var mine = patient.ContactPoints.Where(c => owner is null
            ? c.GuardianId is null && c.Guardian is null
            : ReferenceEquals(c.Guardian, owner) || (owner.Id != 0 && c.GuardianId == owner.Id)).ToList();
        foreach (var (mode, value) in wanted)
        {
            if (patient.ContactPoints.Any(c => c.Mode == mode && c.Value == value) || removedLocally.Contains((mode, value)))
            {
                continue;
            }
            var managed = mine.FirstOrDefault(c => c.Mode == mode && SyncOwned(c));
            if (managed is not null)
            {
                managed.Value = value;
                managed.StatusChangedUtc = now;
            }
            else if (mine.All(c => c.Mode != mode))
            {
                var point = new PatientMessageExchange.Core.Patients.ContactPoint
                {
                    Mode = mode, Value = value, Patient = patient, Guardian = owner, FromEhr = true, StatusChangedUtc = now,
                };
                patient.ContactPoints.Add(point);
                mine.Add(point);
            }
            // Otherwise staff keep a contact of their own for this mode: the local edit wins.
        }
        foreach (var stale in mine.Where(c => SyncOwned(c) && !wanted.ContainsKey(c.Mode)).ToList())
        {
            patient.ContactPoints.Remove(stale);
            removed(stale);
        }
    }

    private static bool SyncOwned(PatientMessageExchange.Core.Patients.ContactPoint point) =>
        point.FromEhr && point.EditedLocallyUtc is null && point.ReviewedUtc is null && point.Status == ContactPointStatus.Valid;
}
