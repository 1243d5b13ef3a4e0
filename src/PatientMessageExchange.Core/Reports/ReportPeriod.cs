using System.Globalization;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// Whole local days <see cref="FirstDay"/>..<see cref="LastDay"/> in the practice's time zone, and the UTC range
/// [<see cref="StartUtc"/>, <see cref="EndUtc"/>) they cover. Each bound is local midnight converted with the offset in
/// force at that instant, so a month that contains a DST change is 743 or 745 hours long, as it should be.
/// </summary>
public sealed record ReportPeriod(ReportPeriodPreset Preset, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset StartUtc,
    DateTimeOffset EndUtc)
{
    /// <summary>The longest custom period, so that a typo ("2062") can't ask for decades.</summary>
    public const int MaxCustomDays = 3 * 366;

    public string Label => FirstDay == LastDay
        ? FirstDay.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)
        : FirstDay.Year == LastDay.Year
            ? $"{FirstDay.ToString("MMM d", CultureInfo.InvariantCulture)} – {LastDay.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}"
            : $"{FirstDay.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} – {LastDay.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The period as ISO dates, e.g. "2026-11-01..2026-11-30", for audit details and file names.</summary>
    public string IsoRange =>
        $"{FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>A preset period around <paramref name="nowUtc"/>.</summary>
    public static ReportPeriod ForPreset(ReportPeriodPreset preset, DateTimeOffset nowUtc, TimeZoneInfo zone)
    {
        var today = zone.LocalDate(nowUtc);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            ReportPeriodPreset.Today => Build(preset, today, today, zone),
            ReportPeriodPreset.ThisWeek => Build(preset, today.AddDays(-(int)today.DayOfWeek), today.AddDays(6 - (int)today.DayOfWeek), zone),
            ReportPeriodPreset.ThisMonth => Build(preset, monthStart, monthStart.AddMonths(1).AddDays(-1), zone),
            ReportPeriodPreset.LastMonth => Build(preset, monthStart.AddMonths(-1), monthStart.AddDays(-1), zone),
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Custom periods need their dates; use Custom()."),
        };
    }

    /// <summary>A custom period; null with a reason when the dates can't make one.</summary>
    public static ReportPeriod? Custom(DateOnly? from, DateOnly? to, TimeZoneInfo zone, out string? problem)
    {
        problem = (from, to) switch
        {
            (null, _) => "Enter the first day of the period.",
            (_, null) => "Enter the last day of the period.",
            ({ } f, { } t) when t < f => "The last day is before the first day.",
            ({ } f, { } t) when t.DayNumber - f.DayNumber >= MaxCustomDays => "Choose a period of at most three years.",
            _ => null,
        };
        return problem is null ? Build(ReportPeriodPreset.Custom, from!.Value, to!.Value, zone) : null;
    }

    private static ReportPeriod Build(ReportPeriodPreset preset, DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        new(preset, first, last, zone.StartOfDayUtc(first), zone.StartOfDayUtc(last.AddDays(1)));
}
