using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.UnitTests.Reports;

public class ReportPeriodTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void LastMonth_NovemberWithDstEnd_IsLocalMidnightToMidnightAnd721Hours()
    {
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, Utc(2026, 12, 15, 17), NewYork);

        Assert.Equal(new DateOnly(2026, 11, 1), period.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 30), period.LastDay);
        Assert.Equal(Utc(2026, 11, 1, 4), period.StartUtc); // midnight EDT
        Assert.Equal(Utc(2026, 12, 1, 5), period.EndUtc); // midnight EST
        Assert.Equal(TimeSpan.FromHours(30 * 24 + 1), period.EndUtc - period.StartUtc);
    }

    [Fact]
    public void ThisMonth_MarchWithDstStart_Is743Hours()
    {
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.ThisMonth, Utc(2026, 3, 20, 12), NewYork);

        Assert.Equal(Utc(2026, 3, 1, 5), period.StartUtc);
        Assert.Equal(Utc(2026, 4, 1, 4), period.EndUtc);
        Assert.Equal(TimeSpan.FromHours(31 * 24 - 1), period.EndUtc - period.StartUtc);
    }

    [Theory]
    [InlineData(2026, 3, 8, 23)] // spring forward
    [InlineData(2026, 11, 1, 25)] // fall back
    [InlineData(2026, 11, 2, 24)]
    public void Today_OnDstChangeDays_HasTheDaysRealLength(int year, int month, int day, int hours)
    {
        var noonLocal = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, 12, 0, 0), NewYork);

        var period = ReportPeriod.ForPreset(ReportPeriodPreset.Today, new DateTimeOffset(noonLocal, TimeSpan.Zero), NewYork);

        Assert.Equal(new DateOnly(year, month, day), period.FirstDay);
        Assert.Equal(TimeSpan.FromHours(hours), period.EndUtc - period.StartUtc);
    }

    [Fact]
    public void Today_LateEveningLocal_IsStillTheLocalDayNotTheUtcDay()
    {
        // 03:30 UTC on Nov 20 is 22:30 on Nov 19 in New York.
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.Today, Utc(2026, 11, 20, 3, 30), NewYork);

        Assert.Equal(new DateOnly(2026, 11, 19), period.FirstDay);
        Assert.Equal(Utc(2026, 11, 19, 5), period.StartUtc);
    }

    [Fact]
    public void ThisWeek_RunsSundayThroughSaturday()
    {
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.ThisWeek, Utc(2026, 11, 4, 15), NewYork); // a Wednesday

        Assert.Equal(new DateOnly(2026, 11, 1), period.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 7), period.LastDay);
        Assert.Equal(TimeSpan.FromHours(7 * 24 + 1), period.EndUtc - period.StartUtc);
    }

    [Fact]
    public void LastMonth_InJanuary_IsDecemberOfThePreviousYear()
    {
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, Utc(2027, 1, 1, 6), NewYork);

        Assert.Equal(new DateOnly(2026, 12, 1), period.FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 31), period.LastDay);
    }

    [Fact]
    public void LastMonth_InLeapYearMarch_EndsOnFebruary29()
    {
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, Utc(2028, 3, 10, 12), NewYork);

        Assert.Equal(new DateOnly(2028, 2, 29), period.LastDay);
    }

    [Fact]
    public void LastMonth_OnTheFirstJustAfterLocalMidnight_IsThePreviousMonth()
    {
        // 04:30 UTC on Dec 1 is 23:30 on Nov 30 in New York, so "last month" is still October.
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, Utc(2026, 12, 1, 4, 30), NewYork);

        Assert.Equal(new DateOnly(2026, 10, 1), period.FirstDay);
    }

    [Fact]
    public void Custom_IncludesBothDays()
    {
        var period = ReportPeriod.Custom(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), NewYork, out var problem);

        Assert.Null(problem);
        Assert.Equal(TimeSpan.FromHours(25), period!.EndUtc - period.StartUtc);
    }

    [Theory]
    [InlineData(null, "2026-11-30")]
    [InlineData("2026-11-01", null)]
    [InlineData("2026-11-30", "2026-11-01")]
    [InlineData("2020-01-01", "2026-11-01")]
    public void Custom_WithMissingReversedOrTooLongDates_IsRefusedWithAReason(string? from, string? to)
    {
        var period = ReportPeriod.Custom(from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to),
            NewYork, out var problem);

        Assert.Null(period);
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
