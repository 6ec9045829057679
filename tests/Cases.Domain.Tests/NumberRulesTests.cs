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

    [Theory]
    [InlineData(IntellectualPropertyKind.Copyright, " ", RightNumberProblemKind.Required, "")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "UTILITY", RightNumberProblemKind.NoCheckDigit, "UTILITY")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "20171060186.3", RightNumberProblemKind.WrongDigitCount, "20171060186.3|11|20171060186")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201710601862.33", RightNumberProblemKind.CheckCharacterNotADigit, "201710601862.33")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201740601862.3", RightNumberProblemKind.UnknownKindDigit, "201740601862.3|4")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "200210601862.3", RightNumberProblemKind.TwelveDigitsBefore2003, "200210601862.3|2002")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "10101765.0", RightNumberProblemKind.EightDigitsOutsideTheirYears, "10101765.0|10")]
    [InlineData(IntellectualPropertyKind.InventionPatent, "201710601862.4", RightNumberProblemKind.WrongCheckDigit, "201710601862.4|201710601862|3|4")]
    [InlineData(IntellectualPropertyKind.DesignPatent, "201710601862.3", RightNumberProblemKind.KindDigitOfAnotherKind, "201710601862.3|1|Invention|DesignPatent")]
    [InlineData(IntellectualPropertyKind.Trademark, "TM-1", RightNumberProblemKind.NotATrademarkNumber, "TM-1")]
    public void Names_the_broken_rule_and_the_values_its_explanation_uses(IntellectualPropertyKind kind, string number, RightNumberProblemKind expected, string values)
    {
        var problem = NumberRules.Check(kind, number);

        Assert.NotNull(problem);
        Assert.Equal(expected, problem.Kind);
        Assert.Equal(values.Length == 0 ? [] : values.Split('|'), problem.Values);
        // The sentence is the one the validator and the business rule give.
        Assert.Equal(NumberRules.ProblemWith(kind, number), problem.Message);
        Assert.Equal(new RightNumberMustBeValidForItsKindRule(kind, number).Message, problem.Message);
    }

    [Fact]
    public void A_number_over_the_longest_a_register_writes_names_the_maximum()
    {
        var problem = NumberRules.Check(IntellectualPropertyKind.Other, new string('9', IntellectualPropertyRight.MaximumNumberLength + 1));

        Assert.Equal((RightNumberProblemKind.TooLong, "64"), (problem!.Kind, problem.Values.Single()));
    }
}
