using System.Text;
using Cases.Api.Web;

namespace Cases.Api.Tests.Web;

/// <summary>CSV cells as a spreadsheet reads them: quoted when they must be, never run as formulas.</summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("Guangdong", "Guangdong")]
    [InlineData("广东 · 维权", "广东 · 维权")]
    [InlineData("", "")]
    [InlineData("Zhuhai, Guangdong", "\"Zhuhai, Guangdong\"")]
    [InlineData("The \"fast\" lane", "\"The \"\"fast\"\" lane\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 20 8888 0000", "'+86 20 8888 0000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void A_cell_is_quoted_when_it_must_be_and_a_formula_is_shown_as_text(string value, string cell) =>
        Assert.Equal(cell, Csv.Cell(value));

    [Fact]
    public void A_row_ends_with_crlf()
    {
        var text = new StringBuilder();

        Csv.AppendRow(text, ["a", "b,c", "=d"]);

        Assert.Equal("a,\"b,c\",'=d\r\n", text.ToString());
    }
}
