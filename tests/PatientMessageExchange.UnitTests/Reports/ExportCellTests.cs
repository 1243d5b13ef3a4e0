using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.UnitTests.Reports;

public class ExportCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1 617 555 0100")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void R28_Neutralize_CellThatASpreadsheetWouldRun_GetsAQuotePrefix(string text)
    {
        Assert.Equal("'" + text, ExportCell.Neutralize(text));
    }

    [Theory]
    [InlineData("Lee, Avery")]
    [InlineData("parent@example.com")]
    [InlineData("1+1")]
    [InlineData("")]
    public void R28_Neutralize_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, ExportCell.Neutralize(text));
    }

    [Fact]
    public void Neutralize_Null_IsEmpty() => Assert.Equal("", ExportCell.Neutralize(null));

    [Theory]
    [InlineData(" =cmd|' /C calc'!A0")]
    [InlineData("\"=cmd\"")]
    [InlineData("\ncmd")]
    public void R28_Neutralize_AFormulaAfterLeadingSpacesOrQuotes_GetsAQuotePrefix(string text)
    {
        Assert.Equal("'" + text, ExportCell.Neutralize(text));
    }

    [Fact]
    public void R28_Neutralize_APlainNegativeNumber_StaysANumber() => Assert.Equal("-3", ExportCell.Neutralize("-3"));

    [Fact]
    public async Task R28_SafeCsvWriter_QuotesACellWithASemicolonSoASemicolonSpreadsheetCantSplitOutAFormula()
    {
        await using var text = new StringWriter();
        await using (var csv = new SafeCsvWriter(text))
        {
            await csv.WriteRowAsync(["Bcast;=cmd|' /C calc'!A0", "=1+2", "plain", null]);
        }

        Assert.Equal("\"Bcast;=cmd|' /C calc'!A0\",'=1+2,plain,\r\n", text.ToString());
    }
}
