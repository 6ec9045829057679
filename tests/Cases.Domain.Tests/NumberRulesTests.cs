using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;

namespace Cases.Domain.Tests;

public sealed class NumberRulesTests
{
    [Theory]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201710601862.3")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201880012345.5")]
    [InlineData(IntellectualPropertyKind.UtilityModelPatent, "202320123456.1")]
    [InlineData(IntellectualPropertyKind.DesignPatent, "202530012345.8")]
    [InlineData(IntellectualPropertyKind.Trademark, "12345678")]
    [InlineData(IntellectualPropertyKind.Copyright, "2020SR123456")]
    [InlineData(IntellectualPropertyKind.Other, "GI-2019-001")]
    public void Accepts_valid_numbers(IntellectualPropertyKind kind, string number)
    {
        Assert.Null(NumberRules.ProblemWith(kind, number));
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
        Assert.Contains("utility model application", NumberRules.ProblemWith(IntellectualPropertyKind.InventionPatent, "202320123456.1"));
    }

    [Fact]
    public void A_pct_national_phase_number_stands_for_an_invention()
    {
        Assert.Null(NumberRules.ProblemWith(IntellectualPropertyKind.InventionPatent, "202080012345.2"));
    }
}
