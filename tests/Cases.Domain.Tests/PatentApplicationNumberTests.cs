using Cases.Domain.Rights;

namespace Cases.Domain.Tests;

public sealed class PatentApplicationNumberTests
{
    [Theory]
    [InlineData("201710601862.3", "201710601862.3", PatentApplicationKind.Invention, 2017)]
    [InlineData("ZL201710601862.3", "201710601862.3", PatentApplicationKind.Invention, 2017)]
    [InlineData("CN 2017 1 0601862.3", "201710601862.3", PatentApplicationKind.Invention, 2017)]
    [InlineData("2017106018623", null, null, null)]
    [InlineData("201710601862·3", "201710601862.3", PatentApplicationKind.Invention, 2017)]
    [InlineData("95115608.X", "95115608.X", PatentApplicationKind.Invention, 1995)]
    [InlineData("zl95115608.x", "95115608.X", PatentApplicationKind.Invention, 1995)]
    [InlineData("97101765.4", "97101765.4", PatentApplicationKind.Invention, 1997)]
    [InlineData("01123456.3", "01123456.3", PatentApplicationKind.Invention, 2001)]
    [InlineData("03212345.0", "03212345.0", PatentApplicationKind.UtilityModel, 2003)]
    public void Parses_the_written_forms(string text, string? canonical, PatentApplicationKind? kind, int? year)
    {
        var parsed = PatentApplicationNumber.TryParse(text, out var number, out var error);

        Assert.Equal(canonical is not null, parsed);
        if (canonical is null)
        {
            Assert.Contains("no check digit", error);
            return;
        }

        Assert.Null(error);
        Assert.Equal(canonical, number!.ToString());
        Assert.Equal(kind, number.Kind);
        Assert.Equal(year, number.Year);
    }

    [Theory]
    [InlineData("201710601862", "3")]
    [InlineData("95115608", "X")]
    [InlineData("97101765", "4")]
    [InlineData("202310123456", "6")]
    public void Computes_the_check_digit_weighted_two_to_nine_modulo_eleven(string digits, string expected)
    {
        Assert.Equal(expected[0], PatentApplicationNumber.CheckDigitOf(digits));
    }

    [Theory]
    [InlineData("201710601862.4", "check digit of '201710601862.4' is wrong")]
    [InlineData("95115608.1", "give check digit X, not 1")]
    [InlineData("20171060186.3", "12 digits (8 before 2003)")]
    [InlineData("2017A0601862.3", "12 digits")]
    [InlineData("201740601862.3", "kind digit 4")]
    [InlineData("200210601862.3", "12-digit numbers began in 2003")]
    [InlineData("84101765.5", "used from 1985 to 2003")]
    [InlineData("10101765.0", "used from 1985 to 2003")]
    [InlineData("201710601862.33", "one digit 0–9 or X")]
    [InlineData("", "required")]
    public void Explains_why_a_number_is_wrong(string text, string explanation)
    {
        Assert.False(PatentApplicationNumber.TryParse(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(explanation, error);
    }
}
