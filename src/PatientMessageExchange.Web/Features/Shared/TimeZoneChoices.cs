namespace PatientMessageExchange.Web.Features.Shared;

public static class TimeZoneChoices
{
    public static readonly IReadOnlyList<(string Id, string Label)> UnitedStates =
    [
        ("America/New_York", "Eastern (New York)"),
        ("America/Chicago", "Central (Chicago)"),
        ("America/Denver", "Mountain (Denver)"),
        ("America/Phoenix", "Mountain, no daylight saving (Phoenix)"),
        ("America/Los_Angeles", "Pacific (Los Angeles)"),
        ("America/Anchorage", "Alaska (Anchorage)"),
        ("Pacific/Honolulu", "Hawaii (Honolulu)"),
        ("America/Puerto_Rico", "Atlantic (Puerto Rico)"),
    ];

    public static IEnumerable<(string Id, string Label)> Including(string? current) =>
        current is null || UnitedStates.Any(z => z.Id == current) ? UnitedStates : UnitedStates.Append((current, current));
}
