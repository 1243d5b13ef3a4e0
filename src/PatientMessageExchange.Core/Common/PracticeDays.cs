namespace PatientMessageExchange.Core.Common;

/// <summary>
/// The practice's local days in UTC terms. Every "today", schedule day and date filter goes through here, so daylight
/// saving is handled in one place.
/// </summary>
public static class PracticeDays
{
    /// <summary>The first and last day any date filter or schedule accepts: beyond them a day has no UTC start.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>Why a date range can't be used (outside the supported years, or ending before it starts), or null.</summary>
    public static string? CheckRange(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && (f < Earliest || f > Latest) || to is { } t && (t < Earliest || t > Latest))
        {
            return $"Choose dates between {Earliest:yyyy} and {Latest:yyyy}.";
        }
        if (from is { } start && to is { } end && end < start)
        {
            return "The end date is before the start date.";
        }
        return null;
    }

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
