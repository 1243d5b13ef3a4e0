namespace PatientMessageExchange.Core.Reports;

/// <summary>The periods a report can be asked for; all are whole days in the practice's time zone.</summary>
public enum ReportPeriodPreset
{
    Today = 1,

    /// <summary>Sunday through Saturday, the week as a US practice's calendar shows it.</summary>
    ThisWeek = 2,

    ThisMonth = 3,
    LastMonth = 4,

    /// <summary>From and to dates chosen by the user, both included.</summary>
    Custom = 5,
}
