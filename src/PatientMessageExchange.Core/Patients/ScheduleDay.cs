namespace PatientMessageExchange.Core.Patients;

public sealed record ScheduleDay(
    DateOnly Date,
    TimeZoneInfo Zone,
    IReadOnlyList<ScheduleEntry> Entries,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Locations)
{
    /// <summary>The automated messages decided for each appointment of the day (sent, merged or skipped), oldest first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AutomatedNote>> Automated { get; init; } = new Dictionary<int, IReadOnlyList<AutomatedNote>>();
}
