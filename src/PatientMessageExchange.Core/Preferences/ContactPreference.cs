using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>What a family told the practice about how to reach them for one need; it beats the practice default.</summary>
public class ContactPreference
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public Need Need { get; set; }

    /// <summary>Modes in the order the family wants them tried; empty means "not for this need".</summary>
    public List<ContactMode> Modes { get; set; } = [];

    public DateTimeOffset ExpressedUtc { get; set; }

    /// <summary>The user name of the staff member who recorded it.</summary>
    public string RecordedBy { get; set; } = "";
}
