using PatientMessageExchange.Core.Patients.Import;

namespace PatientMessageExchange.UnitTests.Patients.Import;

public class ImportColumnMapTests
{
    private static readonly IReadOnlyList<ImportField> Fields = PatientCsvImporter.PatientFields;

    [Theory]
    [InlineData("Chart #")]
    [InlineData("chart_no")]
    [InlineData("ChartNo")]
    [InlineData("CHART NUMBER")]
    [InlineData("MRN")]
    [InlineData("Account Number")]
    public void Build_HeaderAliases_MapToChartNumber(string header)
    {
        var map = ImportColumnMap.Build([header, "First", "Last", "DOB"], Fields);

        Assert.Empty(map.Issues);
        Assert.Equal("A1", map.Get(Record("A1", "Ann", "Lee", "2019-01-01"), "ChartNumber"));
    }

    [Fact]
    public void Build_ColumnsInAnyOrder_AreFoundByName()
    {
        var map = ImportColumnMap.Build(["Date of Birth", "Last Name", "Chart", "First Name"], Fields);

        var record = Record("2019-01-01", "Lee", "A1", "Ann");
        Assert.Equal("Lee", map.Get(record, "LastName"));
        Assert.Equal("Ann", map.Get(record, "FirstName"));
        Assert.Equal("2019-01-01", map.Get(record, "DateOfBirth"));
    }

    [Fact]
    public void Build_MissingRequiredColumn_IsAnIssueOnLineOne()
    {
        var map = ImportColumnMap.Build(["Chart", "First", "Last"], Fields);

        var issue = Assert.Single(map.Issues);
        Assert.Equal(1, issue.Line);
        Assert.Equal("DateOfBirth", issue.Column);
        Assert.Contains("missing", issue.Message);
    }

    [Fact]
    public void Build_SameFieldTwiceUnderDifferentSpellings_IsADuplicateIssue()
    {
        var map = ImportColumnMap.Build(["Chart", "First", "Last", "DOB", "Chart #"], Fields);

        var issue = Assert.Single(map.Issues);
        Assert.Equal("Chart #", issue.Column);
        Assert.Contains("appears twice", issue.Message);
    }

    [Fact]
    public void Build_UnknownColumns_AreListedAsIgnored()
    {
        var map = ImportColumnMap.Build(["Chart", "First", "Last", "DOB", "Insurance", " ", "Balance"], Fields);

        Assert.Equal(["Insurance", "Balance"], map.IgnoredColumns);
        Assert.Empty(map.Issues);
    }

    [Fact]
    public void Get_EmptyCell_IsNull()
    {
        var map = ImportColumnMap.Build(["Chart", "First", "Last", "DOB", "Email"], Fields);

        Assert.Null(map.Get(Record("A1", "Ann", "Lee", "2019-01-01", "   "), "Email"));
    }

    [Fact]
    public void Get_ShortRecord_IsNullForMissingTrailingCells()
    {
        var map = ImportColumnMap.Build(["Chart", "First", "Last", "DOB", "Email"], Fields);

        Assert.Null(map.Get(Record("A1", "Ann", "Lee", "2019-01-01"), "Email"));
    }

    [Fact]
    public void Has_AbsentOptionalColumn_IsFalse()
    {
        var map = ImportColumnMap.Build(["Chart", "First", "Last", "DOB"], Fields);

        Assert.False(map.Has("Email"));
        Assert.True(map.Has("ChartNumber"));
    }

    [Theory]
    [InlineData("Chart #", "chart")]
    [InlineData("chart_no", "chartno")]
    [InlineData(" Date-of-Birth ", "dateofbirth")]
    public void Canonical_KeepsLowerCaseLettersAndDigits(string header, string expected)
    {
        Assert.Equal(expected, ImportColumnMap.Canonical(header));
    }

    private static CsvRecordLine Record(params string[] fields) => new(2, fields);
}
