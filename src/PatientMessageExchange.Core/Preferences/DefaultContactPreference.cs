using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>The practice's order of contact modes for one need, used for every patient who has not expressed one.</summary>
public class DefaultContactPreference
{
    public Need Need { get; set; }

    /// <summary>Modes in the order they are tried; empty means the practice does not contact anyone for this need.</summary>
    public List<ContactMode> Modes { get; set; } = [];

    /// <summary>Null while the row still holds the seeded default.</summary>
    public DateTimeOffset? UpdatedUtc { get; set; }

    public string? UpdatedBy { get; set; }
}
