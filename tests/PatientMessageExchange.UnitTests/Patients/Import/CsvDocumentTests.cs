using System.Text;
using PatientMessageExchange.Core.Patients.Import;

namespace PatientMessageExchange.UnitTests.Patients.Import;

public class CsvDocumentTests
{
    [Fact]
    public void Parse_Utf8WithBom_FirstHeaderHasNoBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("ChartNumber,FirstName\nA1,Zoë\n")).ToArray();

        var document = CsvDocument.Parse(bytes);

        Assert.Equal(["ChartNumber", "FirstName"], document.Headers);
        Assert.Equal("Zoë", document.Records[0].Fields[1]);
    }

    [Fact]
    public void Parse_Windows1252SmartQuotes_AreTheQuotesNotControlCharacters()
    {
        // O’Connor and “Bo” as a Windows export writes them: 0x92, 0x93 and 0x94 are quotes in 1252, controls in Latin-1.
        var bytes = Encoding.ASCII.GetBytes("ChartNumber,LastName,PreferredName\nA1,O").Concat(new byte[] { 0x92 })
            .Concat(Encoding.ASCII.GetBytes("Connor,")).Concat(new byte[] { 0x93 }).Concat(Encoding.ASCII.GetBytes("Bo"))
            .Concat(new byte[] { 0x94 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();

        var document = CsvDocument.Parse(bytes);

        Assert.Equal("O\u2019Connor", document.Records[0].Fields[1]);
        Assert.Equal("\u201CBo\u201D", document.Records[0].Fields[2]);
    }

    [Fact]
    public void Parse_Windows1252Bytes_DecodesAccentedLetters()
    {
        var bytes = Encoding.ASCII.GetBytes("ChartNumber,LastName\nA1,Mu").Concat(new byte[] { 0xF1 })
            .Concat(Encoding.ASCII.GetBytes("oz\n")).ToArray();

        var document = CsvDocument.Parse(bytes);

        Assert.Equal("Muñoz", document.Records[0].Fields[1]);
    }

    [Fact]
    public void Parse_Utf16LittleEndianWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("A,B\n1,Peña\n")).ToArray();

        var document = CsvDocument.Parse(bytes);

        Assert.Equal("Peña", document.Records[0].Fields[1]);
    }

    [Theory]
    [InlineData("A;B;C\n1;2;3\n", ';')]
    [InlineData("A,B,C\n1,2,3\n", ',')]
    [InlineData("A\tB\tC\n1\t2\t3\n", '\t')]
    [InlineData("A|B|C\n1|2|3\n", '|')]
    public void Parse_SniffsTheSeparatorFromTheHeader(string text, char expected)
    {
        var document = CsvDocument.Parse(Bytes(text));

        Assert.Equal(expected, document.Delimiter);
        Assert.Equal(["1", "2", "3"], document.Records[0].Fields);
    }

    [Fact]
    public void Parse_SemicolonHeaderWithCommasInValues_StillPicksSemicolon()
    {
        var document = CsvDocument.Parse(Bytes("Name;Address;City\nDoe, Jane;\"1 Main St, Apt 2\";Boston\n"));

        Assert.Equal(';', document.Delimiter);
        Assert.Equal("Doe, Jane", document.Records[0].Fields[0]);
    }

    [Fact]
    public void Parse_QuotedHeaderWithCommaInside_DoesNotCountThatComma()
    {
        var document = CsvDocument.Parse(Bytes("\"Name, full\";Chart\nJane;A1\n"));

        Assert.Equal(';', document.Delimiter);
        Assert.Equal(["Name, full", "Chart"], document.Headers);
    }

    [Fact]
    public void Parse_QuotedComma_StaysInOneField()
    {
        var document = CsvDocument.Parse(Bytes("Chart,Address,City\nA1,\"12 Elm St, Apt 4\",Salem\n"));

        Assert.Equal(["A1", "12 Elm St, Apt 4", "Salem"], document.Records[0].Fields);
        Assert.Empty(document.StructuralIssues);
    }

    [Fact]
    public void Parse_DoubledQuotesInsideQuotes_BecomeOneQuote()
    {
        var document = CsvDocument.Parse(Bytes("Chart,Nickname\nA1,\"\"\"Bud\"\" Jr\"\n"));

        Assert.Equal("\"Bud\" Jr", document.Records[0].Fields[1]);
    }

    [Fact]
    public void Parse_QuotedNewline_StaysInOneField()
    {
        var document = CsvDocument.Parse(Bytes("Chart,Address\nA1,\"12 Elm St\nApt 4\"\n"));

        Assert.Equal("12 Elm St\nApt 4", document.Records[0].Fields[1]);
    }

    [Fact]
    public void Parse_RecordAfterAThreeLineQuotedField_ReportsItsTrueStartingLine()
    {
        var text = "Chart,Address\n" +            // line 1
                   "A1,\"12 Elm St\nApt 4\nBack door\"\n" + // lines 2-4
                   "A2,\"5 Oak Ave\"\n" +           // line 5
                   "A3,x\n";                        // line 6

        var document = CsvDocument.Parse(Bytes(text));

        Assert.Equal([2, 5, 6], document.Records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_CrLfLineEndingsWithQuotedNewline_CountsLinesTheSame()
    {
        var text = "Chart,Address\r\nA1,\"12 Elm St\r\nApt 4\r\nBack door\"\r\nA2,x\r\n";

        var document = CsvDocument.Parse(Bytes(text));

        Assert.Equal([2, 5], document.Records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_BlankLines_AreSkippedAndLaterLinesKeepTheirNumbers()
    {
        var text = "Chart,First\n\nA1,Ann\n\n   \nA2,Bo\n,,\n";

        var document = CsvDocument.Parse(Bytes(text));

        Assert.Equal([3, 6], document.Records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_RowOfEmptyFields_IsSkipped()
    {
        var document = CsvDocument.Parse(Bytes("Chart,First\nA1,Ann\n,\nA2,Bo\n"));

        Assert.Equal(["A1", "A2"], document.Records.Select(r => r.Fields[0]));
    }

    [Fact]
    public void Parse_BlankLinesBeforeTheHeader_AreSkipped()
    {
        var document = CsvDocument.Parse(Bytes("\n\nChart,First\nA1,Ann\n"));

        Assert.Equal(["Chart", "First"], document.Headers);
        Assert.Equal(4, document.Records[0].Line);
    }

    [Fact]
    public void Parse_MisplacedQuote_IsAStructuralIssueOnItsLine()
    {
        var text = "Chart,First,Last\nA1,Ann,Lee\nA2,Bo \"Bobby\" ,Ray\nA3,Cy,Orr\n";

        var document = CsvDocument.Parse(Bytes(text));

        var issue = Assert.Single(document.StructuralIssues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("quote", issue.Message);
        Assert.Equal(["A1", "A3"], document.Records.Select(r => r.Fields[0]));
    }

    [Fact]
    public void Parse_TooManyFields_IsAStructuralIssueNamingTheSeparator()
    {
        var text = "Chart;First;Last\nA1;Ann;Lee\nA2;Bo;Ray;extra\n";

        var document = CsvDocument.Parse(Bytes(text));

        var issue = Assert.Single(document.StructuralIssues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("4 fields", issue.Message);
        Assert.Contains("';'", issue.Message);
        Assert.Single(document.Records);
    }

    [Fact]
    public void Parse_TrailingEmptyFields_AreNotTooMany()
    {
        var document = CsvDocument.Parse(Bytes("Chart,First\nA1,Ann,,\n"));

        Assert.Empty(document.StructuralIssues);
        Assert.Single(document.Records);
    }

    [Fact]
    public void Parse_TooFewFields_IsKeptForTheImporterToJudge()
    {
        var document = CsvDocument.Parse(Bytes("Chart,First,Last\nA1,Ann\n"));

        Assert.Empty(document.StructuralIssues);
        Assert.Equal(["A1", "Ann"], document.Records[0].Fields);
    }

    [Fact]
    public void Parse_ValuesAreTrimmed()
    {
        var document = CsvDocument.Parse(Bytes("Chart , First\n  A1 ,  Ann  \n"));

        Assert.Equal(["Chart", "First"], document.Headers);
        Assert.Equal(["A1", "Ann"], document.Records[0].Fields);
    }

    [Fact]
    public void Parse_EmptyFile_HasNoHeadersAndNoRecords()
    {
        var document = CsvDocument.Parse([]);

        Assert.Empty(document.Headers);
        Assert.Empty(document.Records);
    }

    [Fact]
    public void Parse_NoTrailingNewline_ReadsTheLastRecord()
    {
        var document = CsvDocument.Parse(Bytes("Chart,First\nA1,Ann\nA2,Bo"));

        Assert.Equal(2, document.Records.Count);
        Assert.Equal(3, document.Records[1].Line);
    }

    [Fact]
    public void Parse_UnterminatedQuote_IsAStructuralIssueAndSwallowsNoRowsSilently()
    {
        var text = "Chart,First,Last\nA1,Ann,Lee\nA2,\"Bo,Ray\nA3,Cy,Orr\nA4,Di,Fox\n";

        var document = CsvDocument.Parse(Bytes(text));

        Assert.Contains(document.StructuralIssues, i => i.Line == 3);
        Assert.DoesNotContain(document.Records, r => r.Fields.Any(f => f.Contains("A3")));
    }

    [Fact]
    public void Parse_MisplacedQuoteAfterAMultiLineField_ReportsTheTrueLine()
    {
        var text = "Chart,Address,Last\nA1,\"1 Elm\nApt 2\",Lee\nA2,Bo \"Bobby\" ,Ray\n";

        var document = CsvDocument.Parse(Bytes(text));

        Assert.Equal(4, Assert.Single(document.StructuralIssues).Line);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
