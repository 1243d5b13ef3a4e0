using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>The defaults a new practice starts with, seeded by the Preferences migration.</summary>
public static class PracticeDefaults
{
    public static IReadOnlyList<ContactMode> For(Need need) => need switch
    {
        // Texts are read within minutes, which is what a reminder or a confirmation needs.
        Need.AppointmentReminder => [ContactMode.Text, ContactMode.Email],
        Need.AppointmentConfirmation => [ContactMode.Text, ContactMode.Phone],
        Need.RecallWellVisit => [ContactMode.Email, ContactMode.Text],
        Need.ImmunizationDue => [ContactMode.Email, ContactMode.Text],
        // Statements belong in a mailbox, not on a shared phone.
        Need.Billing => [ContactMode.Email],
        Need.GeneralAnnouncement => [ContactMode.Email],
        _ => [],
    };
}
