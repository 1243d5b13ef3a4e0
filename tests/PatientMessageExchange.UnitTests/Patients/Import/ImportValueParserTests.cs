using PatientMessageExchange.Core.Patients.Import;

namespace PatientMessageExchange.UnitTests.Patients.Import;

public class ImportValueParserTests
{
    [Theory]
    [InlineData("2019-03-07")]
    [InlineData("3/7/2019")]
    [InlineData("03/07/2019")]
    [InlineData("3/7/19")]
    [InlineData("20190307")]
    [InlineData("2019/03/07")]
    [InlineData("3-7-2019")]
    [InlineData("7 Mar 2019")]
    [InlineData("Mar 7, 2019")]
    [InlineData("03/07/2019 00:00:00")]
    [InlineData("2019-03-07 12:00 AM")]
    [InlineData(" 2019-03-07 ")]
    [InlineData("3/7/2019 12:00:00 AM")]
    public void TryParseDate_ExportFormats_ReadTheSameDay(string text)
    {
        var ok = ImportValueParser.TryParseDate(text, out var date);

        Assert.True(ok);
        Assert.Equal(new DateOnly(2019, 3, 7), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-02-30")]
    [InlineData("13/45/2019")]
    [InlineData("31.12.2019")]
    [InlineData("2019-03-07 see note")]
    public void TryParseDate_NotADate_Fails(string text)
    {
        Assert.False(ImportValueParser.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("9:30", 9, 30)]
    [InlineData("14:15", 14, 15)]
    [InlineData("9:30 AM", 9, 30)]
    [InlineData("9:30 pm", 21, 30)]
    [InlineData("9:30PM", 21, 30)]
    [InlineData("3 pm", 15, 0)]
    [InlineData("08:05:00", 8, 5)]
    [InlineData("9:30:00 AM", 9, 30)]
    public void TryParseTime_CommonFormats(string text, int hour, int minute)
    {
        var ok = ImportValueParser.TryParseTime(text, out var time);

        Assert.True(ok);
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("noon")]
    public void TryParseTime_NotATime_Fails(string text)
    {
        Assert.False(ImportValueParser.TryParseTime(text, out _));
    }

    [Theory]
    [InlineData("2026-12-01 09:30")]
    [InlineData("2026-12-01T09:30")]
    [InlineData("12/1/2026 9:30 AM")]
    public void TryParseDateTime_DateAndTime_ReadsBoth(string text)
    {
        var ok = ImportValueParser.TryParseDateTime(text, out var date, out var time);

        Assert.True(ok);
        Assert.Equal(new DateOnly(2026, 12, 1), date);
        Assert.Equal(new TimeOnly(9, 30), time);
    }

    [Fact]
    public void TryParseDateTime_DateOnly_Fails()
    {
        Assert.False(ImportValueParser.TryParseDateTime("2026-12-01", out _, out _));
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("Active", true)]
    [InlineData("A", true)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("Inactive", false)]
    [InlineData(" I ", false)]
    public void ParseFlag_KnownSpellings(string text, bool expected)
    {
        Assert.Equal(expected, ImportValueParser.ParseFlag(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("deceased")]
    public void ParseFlag_EmptyOrUnknown_IsNull(string? text)
    {
        Assert.Null(ImportValueParser.ParseFlag(text));
    }

    [Theory]
    [InlineData("English", "en")]
    [InlineData("ENG", "en")]
    [InlineData("Spanish", "es")]
    [InlineData("Español", "es")]
    [InlineData("espanol", "es")]
    [InlineData("Portuguese", "pt")]
    [InlineData("Mandarin", "zh")]
    [InlineData("Haitian Creole", "ht")]
    [InlineData(" vi ", "vi")]
    public void ParseLanguage_NamesAndCodes_BecomeIsoCodes(string text, string expected)
    {
        Assert.Equal(expected, ImportValueParser.ParseLanguage(text));
    }

    [Theory]
    [InlineData("Klingon")]
    [InlineData("xx")]
    public void ParseLanguage_Unknown_IsNull(string text)
    {
        Assert.Null(ImportValueParser.ParseLanguage(text));
    }
}
