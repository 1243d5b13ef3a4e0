namespace PatientMessageExchange.Core.Patients;

public sealed record ScheduleDay(
    DateOnly Date,
    TimeZoneInfo Zone,
    IReadOnlyList<ScheduleEntry> Entries,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Locations);
