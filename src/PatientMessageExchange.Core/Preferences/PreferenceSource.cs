namespace PatientMessageExchange.Core.Preferences;

public enum PreferenceSource
{
    /// <summary>The patient has no preference for the need; the practice default applies.</summary>
    PracticeDefault = 1,

    /// <summary>The family expressed a preference for the need.</summary>
    Expressed = 2,
}
