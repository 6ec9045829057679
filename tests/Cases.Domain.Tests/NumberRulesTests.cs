using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;

namespace Cases.Domain.Tests;

public sealed class NumberRulesTests
{
    [Theory]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201710601862.3")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201880012345.0")]
    [InlineData(IntellectualPropertyKind.UtilityModelPatent, "202320123456.0")]
    [InlineData(IntellectualPropertyKind.DesignPatent, "202530012345.6")]
    [InlineData(IntellectualPropertyKind.Trademark, "12345678")]
    [InlineData(IntellectualPropertyKind.Copyright, "2020SR123456")]
    [InlineData(IntellectualPropertyKind.Other, "GI-2019-001")]
    public void Accepts_valid_numbers(IntellectualPropertyKind kind, string number)
    {
        var digits = number.Split('.')[0];
        var valid = kind.IsPatent() ? $"{digits}.{PatentApplicationNumber.CheckDigitOf(digits)}" : number;

        Assert.Null(NumberRules.ProblemWith(kind, valid));
    }

    [Theory]
    [InlineData(IntellectualPropertyKind.DesignPatent, "201710601862.3", "means a invention application; it cannot be the number of a design patent")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "UTILITY", "no check digit")]
    [InlineData(IntellectualPropertyKind.Trademark, "TM-1", "1 to 9 digits")]
    [InlineData(IntellectualPropertyKind.Copyright, "  ", "required")]
    public void Refuses_numbers_that_do_not_fit_their_kind(IntellectualPropertyKind kind, string number, string explanation)
    {
        Assert.Contains(explanation, NumberRules.ProblemWith(kind, number));
    }

    [Fact]
    public void A_utility_model_number_cannot_stand_for_an_invention()
    {
        var digits = "202320123456";
        Assert.Contains("utility model application", NumberRules.ProblemWith(IntellectualPropertyKind.InventionPatent, $"{digits}.{PatentApplicationNumber.CheckDigitOf(digits)}"));
    }

    [Fact]
    public void A_pct_national_phase_number_stands_for_an_invention()
    {
        var digits = "202080012345";
        Assert.Null(NumberRules.ProblemWith(IntellectualPropertyKind.InventionPatent, $"{digits}.{PatentApplicationNumber.CheckDigitOf(digits)}"));
    }
}
