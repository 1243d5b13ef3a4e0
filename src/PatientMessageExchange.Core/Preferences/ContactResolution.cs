using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>
/// How to reach one patient for one need: the usable contact points in the order to try them, or why there is
/// none. <see cref="Skipped"/> says what was passed over on the way, so staff can see why a fallback was taken.
/// </summary>
public sealed record ContactResolution(
    int PatientId,
    Need Need,
    PreferenceSource Source,
    IReadOnlyList<ContactMode> Order,
    IReadOnlyList<ResolvedContact> Contacts,
    IReadOnlyList<SkippedContact> Skipped,
    UnreachableReason? Reason)
{
    public bool IsReachable => Contacts.Count > 0;

    /// <summary>Where a single message for this need goes: the first usable point in preference order.</summary>
    public ResolvedContact? Primary => Contacts.Count > 0 ? Contacts[0] : null;
}
