using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Web.Features.ContactPreferences;

namespace PatientMessageExchange.Web.Features.Patients;

/// <summary>
/// The patient page's preferences card: per need the saved choice (or what was typed, after a refused save), and
/// what a message for the need would use right now.
/// </summary>
public sealed record PatientPreferencesPanel(
    IReadOnlyList<DefaultContactPreference> Defaults,
    PatientPreferences Preferences,
    IReadOnlyList<ContactResolution> Resolutions,
    ModeOrderForm? Failed,
    string? FailedError)
{
    public ModeOrderForm FormFor(Need need)
    {
        if (Failed?.Need == need)
        {
            return Failed;
        }
        return Preferences.Expressed.TryGetValue(need, out var expressed)
            ? ModeOrderForm.From(need, expressed.Modes)
            : ModeOrderForm.From(need, [], useDefault: true);
    }

    public IReadOnlyList<Core.Patients.ContactMode> DefaultFor(Need need) =>
        Defaults.FirstOrDefault(d => d.Need == need)?.Modes ?? [];

    public ContactResolution? ResolutionFor(Need need) => Resolutions.FirstOrDefault(r => r.Need == need);
}
