using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>A patient's expressed preferences by need and the modes the family never wants used.</summary>
public sealed record PatientPreferences(
    IReadOnlyDictionary<Need, ContactPreference> Expressed,
    IReadOnlyList<DoNotContact> DoNotContact)
{
    public bool IsBlocked(ContactMode mode) => DoNotContact.Any(d => d.Mode == mode);
}
