namespace PatientMessageExchange.Core.Campaigns;

public enum AudienceKind
{
    /// <summary>The patients with appointments on a range of days, optionally for one provider or location.</summary>
    Appointments = 1,

    /// <summary>Patients due for a recall or an immunization, from the due list the EHR exports.</summary>
    DueList = 2,

    /// <summary>Active patients in an age range.</summary>
    AgeRange = 3,

    /// <summary>A hand-picked list of chart numbers.</summary>
    ChartNumbers = 4,
}
