namespace PatientMessageExchange.Core.Preferences;

/// <summary>
/// Why the practice is contacting a family. The list is fixed in code, not configurable: templates, campaigns and
/// preferences all key on it, and the original product offers exactly these.
/// </summary>
public enum Need
{
    AppointmentReminder = 1,
    AppointmentConfirmation = 2,
    RecallWellVisit = 3,
    ImmunizationDue = 4,
    Billing = 5,
    GeneralAnnouncement = 6,
}
