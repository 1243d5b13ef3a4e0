using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.UnitTests.Preferences;

public sealed class GuardianPoints(Patient patient, Guardian guardian)
{
    public GuardianPoints Add(ContactMode mode, string value)
    {
        patient.ContactPoints.Add(new ContactPoint { Mode = mode, Value = value, Guardian = guardian });
        return this;
    }
}
