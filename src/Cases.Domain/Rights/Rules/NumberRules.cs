using System.Globalization;
using System.Text.RegularExpressions;

namespace Cases.Domain.Rights.Rules;

/// <summary>What a right's number must look like, per kind. The API's validator asks the same question.</summary>
public static partial class NumberRules
{
    /// <summary>Why <paramref name="number"/> is not a valid number for <paramref name="kind"/>, or null when it is.</summary>
    public static string? ProblemWith(IntellectualPropertyKind kind, string? number) => Check(kind, number)?.Message;

    /// <summary>
    /// Which rule <paramref name="number"/> breaks as a number for <paramref name="kind"/>, with the
    /// values its explanation names, or null when it is valid: for saying why in another language.
    /// </summary>
    public static RightNumberProblem? Check(IntellectualPropertyKind kind, string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return new(RightNumberProblemKind.Required, "The right's number is required.", []);
        }

        if (number.Length > IntellectualPropertyRight.MaximumNumberLength)
        {
            var maximum = IntellectualPropertyRight.MaximumNumberLength.ToString(CultureInfo.InvariantCulture);
            return new(RightNumberProblemKind.TooLong, $"The right's number must be at most {maximum} characters.", [maximum]);
        }

        if (kind.IsPatent())
        {
            if (PatentApplicationNumber.Check(number, out var patent) is { } problem)
            {
                return problem;
            }

            var kindDigit = patent!.Digits[patent.Digits.Length == 12 ? 4 : 2].ToString();
            return KindDigitMatches(kind, patent.Kind)
                ? null
                : new(
                    RightNumberProblemKind.KindDigitOfAnotherKind,
                    $"'{number}' has kind digit {kindDigit}, which means a {Describe(patent.Kind)} application; it cannot be the number of a {Describe(kind)}.",
                    [number, kindDigit, patent.Kind.ToString(), kind.ToString()]);
        }

        return kind switch
        {
            // CNIPA trademark registration numbers are decimal serials, currently up to 8 digits.
            IntellectualPropertyKind.Trademark when !TrademarkNumber().IsMatch(number.Trim()) =>
                new(RightNumberProblemKind.NotATrademarkNumber, $"A trademark registration number (商标注册号) is 1 to 9 digits; '{number}' is not.", [number]),
            _ => null,
        };
    }

    /// <summary>The number in the register's canonical form (patents: digits, full stop, check digit).</summary>
    public static string Canonical(IntellectualPropertyKind kind, string number) =>
        kind.IsPatent() && PatentApplicationNumber.TryParse(number, out var patent, out _)
            ? patent!.ToString()
            : number.Trim();

    private static bool KindDigitMatches(IntellectualPropertyKind kind, PatentApplicationKind applicationKind) =>
        (kind, applicationKind) switch
        {
            (IntellectualPropertyKind.InventionPatent, PatentApplicationKind.Invention or PatentApplicationKind.PctInventionNationalPhase) => true,
            (IntellectualPropertyKind.UtilityModelPatent, PatentApplicationKind.UtilityModel or PatentApplicationKind.PctUtilityModelNationalPhase) => true,
            (IntellectualPropertyKind.DesignPatent, PatentApplicationKind.Design) => true,
            _ => false,
        };

    private static string Describe(IntellectualPropertyKind kind) => kind switch
    {
        IntellectualPropertyKind.InventionPatent => "invention patent",
        IntellectualPropertyKind.UtilityModelPatent => "utility model patent",
        _ => "design patent",
    };

    private static string Describe(PatentApplicationKind kind) => kind switch
    {
        PatentApplicationKind.Invention => "invention",
        PatentApplicationKind.UtilityModel => "utility model",
        PatentApplicationKind.Design => "design",
        PatentApplicationKind.PctInventionNationalPhase => "PCT national-phase invention",
        _ => "PCT national-phase utility model",
    };

    [GeneratedRegex(@"^\d{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrademarkNumber();
}
