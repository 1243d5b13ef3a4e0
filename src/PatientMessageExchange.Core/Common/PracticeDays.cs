namespace PatientMessageExchange.Core.Common;

/// <summary>
/// The practice's local days in UTC terms. Every "today", schedule day and date filter goes through here, so daylight
/// saving is handled in one place.
/// </summary>
public static class PracticeDays
{
    /// <summary>The local date in <paramref name="zone"/> at the instant <paramref name="utc"/>.</summary>
    public static DateOnly LocalDate(this TimeZoneInfo zone, DateTimeOffset utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, zone).DateTime);

    /// <summary>
    /// The UTC instant at which <paramref name="day"/> begins in <paramref name="zone"/>. Where a DST jump skips
    /// midnight, the day begins at the first valid minute.
    /// </summary>
    public static DateTimeOffset StartOfDayUtc(this TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
