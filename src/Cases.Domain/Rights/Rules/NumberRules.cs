using System.Text.RegularExpressions;

namespace Cases.Domain.Rights.Rules;

/// <summary>What a right's number must look like, per kind. The API's validator asks the same question.</summary>
public static partial class NumberRules
{
    /// <summary>Why <paramref name="number"/> is not a valid number for <paramref name="kind"/>, or null when it is.</summary>
    public static string? ProblemWith(IntellectualPropertyKind kind, string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "The right's number is required.";
        }

        if (number.Length > IntellectualPropertyRight.MaximumNumberLength)
        {
            return $"The right's number must be at most {IntellectualPropertyRight.MaximumNumberLength} characters.";
        }

        if (kind.IsPatent())
        {
            if (!PatentApplicationNumber.TryParse(number, out var patent, out var error))
            {
                return error;
            }

            return KindDigitMatches(kind, patent!.Kind)
                ? null
                : $"'{number}' has kind digit {patent.Digits[patent.Digits.Length == 12 ? 4 : 2]}, which means a {Describe(patent.Kind)} application; it cannot be the number of a {Describe(kind)}.";
        }

        return kind switch
        {
            // CNIPA trademark registration numbers are decimal serials, currently up to 8 digits.
            IntellectualPropertyKind.Trademark when !TrademarkNumber().IsMatch(number.Trim()) =>
                $"A trademark registration number (商标注册号) is 1 to 9 digits; '{number}' is not.",
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
