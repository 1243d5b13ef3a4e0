namespace PatientMessageExchange.Core.Preferences;

public static class NeedExtensions
{
    public static readonly IReadOnlyList<Need> All = Enum.GetValues<Need>();

    /// <summary>
    /// The marketing-type needs: what a broadcast unsubscribe stops. Care messages (reminders, confirmations, recalls,
    /// immunizations, billing) go on unless the family changes their preferences.
    /// </summary>
    public static bool IsAnnouncement(this Need need) => need == Need.GeneralAnnouncement;

    public static string DisplayName(this Need need) => need switch
    {
        Need.AppointmentReminder => "Appointment reminder",
        Need.AppointmentConfirmation => "Appointment confirmation",
        Need.RecallWellVisit => "Recall / well visit",
        Need.ImmunizationDue => "Immunization due",
        Need.Billing => "Billing",
        Need.GeneralAnnouncement => "General announcement",
        _ => need.ToString(),
    };
}
