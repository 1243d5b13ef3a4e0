namespace PatientMessageExchange.Core.Preferences;

public static class NeedExtensions
{
    public static readonly IReadOnlyList<Need> All = Enum.GetValues<Need>();

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
