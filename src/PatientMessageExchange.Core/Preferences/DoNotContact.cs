using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>A family's standing "never by this mode", whatever the need and whatever the preferences say.</summary>
public class DoNotContact
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public ContactMode Mode { get; set; }
    public DateTimeOffset RecordedUtc { get; set; }
    public string RecordedBy { get; set; } = "";
}
