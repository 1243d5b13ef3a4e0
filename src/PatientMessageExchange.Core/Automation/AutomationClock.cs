using System.Globalization;

namespace PatientMessageExchange.Core.Automation;

/// <summary>Local practice times for automated messages: send times, the delivery window and days, across DST.</summary>
public static class AutomationClock
{
    /// <summary>
    /// The UTC instant of <paramref name="minutes"/> after midnight on <paramref name="day"/> in <paramref name="zone"/>.
    /// A time the spring-forward jump skips moves to the first valid minute after it; a time the fall-back repeats is
    /// taken once (as standard time).
    /// </summary>
    public static DateTimeOffset LocalToUtc(DateOnly day, int minutes, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minutes);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static bool IsOpen(AutomationSettings settings, DateTimeOffset nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(nowUtc, zone);
        var minutes = local.Hour * 60 + local.Minute;
        return settings.IsDeliveryDay(local.DayOfWeek) && minutes >= settings.WindowStartMinutes && minutes < settings.WindowEndMinutes;
    }

    /// <summary>The next instant at or after <paramref name="nowUtc"/> when the window is open; null with no delivery day.</summary>
    public static DateTimeOffset? NextOpening(AutomationSettings settings, DateTimeOffset nowUtc, TimeZoneInfo zone)
    {
        if (IsOpen(settings, nowUtc, zone))
        {
            return nowUtc;
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, zone).DateTime);
        for (var i = 0; i <= 7; i++)
        {
            var day = today.AddDays(i);
            if (!settings.IsDeliveryDay(day.DayOfWeek))
            {
                continue;
            }
            var opening = LocalToUtc(day, settings.WindowStartMinutes, zone);
            if (opening >= nowUtc)
            {
                return opening;
            }
        }
        return null;
    }

    public static string FormatMinutes(int minutes) =>
        new TimeOnly(minutes / 60 % 24, minutes % 60).ToString("h:mm tt", CultureInfo.InvariantCulture);

    public static string FormatInput(int minutes) =>
        new TimeOnly(minutes / 60 % 24, minutes % 60).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static int? ParseInput(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.Hour * 60 + time.Minute
            : null;
}
