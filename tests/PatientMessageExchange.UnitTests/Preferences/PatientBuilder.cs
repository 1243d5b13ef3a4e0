using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.UnitTests.Preferences;

/// <summary>Arranges one chart for a resolution test in a line per fact.</summary>
public sealed class PatientBuilder(Patient patient, DateTimeOffset now)
{
    public Patient Patient { get; } = patient;
    public List<ContactPreference> Preferences { get; } = [];
    public List<DoNotContact> Blocked { get; } = [];

    public PatientBuilder Own(ContactMode mode, string value, ContactPointStatus status = ContactPointStatus.Valid)
    {
        Patient.ContactPoints.Add(new ContactPoint { Mode = mode, Value = value, Status = status, StatusChangedUtc = now });
        return this;
    }

    public PatientBuilder Guardian(string firstName, bool primary, Action<GuardianPoints> points)
    {
        var guardian = new Guardian { FirstName = firstName, LastName = Patient.LastName, IsPrimary = primary };
        Patient.Guardians.Add(guardian);
        points(new GuardianPoints(Patient, guardian));
        return this;
    }

    public PatientBuilder Prefers(Need need, params ContactMode[] modes)
    {
        Preferences.Add(new ContactPreference { Need = need, Modes = [.. modes], ExpressedUtc = now, RecordedBy = "test" });
        return this;
    }

    public PatientBuilder Blocks(ContactMode mode)
    {
        Blocked.Add(new DoNotContact { Mode = mode, RecordedUtc = now, RecordedBy = "test" });
        return this;
    }

    public PatientBuilder Inactive()
    {
        Patient.IsActive = false;
        return this;
    }
}
