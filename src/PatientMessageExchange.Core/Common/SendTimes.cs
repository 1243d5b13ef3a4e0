namespace PatientMessageExchange.Core.Common;

/// <summary>
/// Turns the practice-local time staff chose for a scheduled send into UTC, or says plainly why it can't be used: a
/// time in a daylight-saving gap does not exist, a past time would send at once, and a time too far ahead would hold
/// credits for too long.
/// </summary>
public static class SendTimes
{
    /// <summary>How far ahead a send may be scheduled (and its credits held).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(90);

    public static (DateTimeOffset? Utc, string? Error) FromLocal(DateTime local, TimeZoneInfo zone, DateTimeOffset now)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return (null, $"{unspecified:MMMM d, yyyy h:mm tt} does not exist: the clocks go forward at that hour. Choose another time.");
        }
        DateTimeOffset utc;
        try
        {
            utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            return (null, "Choose a time in the future, or send now.");
        }
        return Check(utc, now) is { } error ? (null, error) : (utc, null);
    }

    /// <summary>Null when <paramref name="utc"/> is in the future and within <see cref="MaxAhead"/>.</summary>
    public static string? Check(DateTimeOffset utc, DateTimeOffset now)
    {
        if (utc <= now)
        {
            return "Choose a time in the future, or send now.";
        }
        if (utc - now > MaxAhead)
        {
            return $"A send can be scheduled at most {MaxAhead.TotalDays:0} days ahead.";
        }
        return null;
    }
}
