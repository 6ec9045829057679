using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;

namespace Cases.Api.Web;

/// <summary>
/// Why a right's number is wrong, in the reader's language. The domain's own check
/// (<see cref="NumberRules.Check"/>, the one filing uses) decides and names the broken rule and the
/// values it explains itself with; this only words it, so a page and the filing never disagree.
/// </summary>
public static class RightNumberMessages
{
    public static string Explain(RightNumberProblem problem, Texts texts)
    {
        var values = problem.Values;
        return problem.Kind switch
        {
            RightNumberProblemKind.Required => texts["The right's number is required."],
            RightNumberProblemKind.TooLong => texts["The right's number must be at most {0} characters.", values[0]],
            RightNumberProblemKind.NoCheckDigit => texts["'{0}' has no check digit: write it after a full stop, e.g. 201710601862.3.", values[0]],
            RightNumberProblemKind.WrongDigitCount => texts["'{0}' must have 12 digits (8 before 2003) before the check digit; it has {1} characters '{2}'.", values[0], values[1], values[2]],
            RightNumberProblemKind.CheckCharacterNotADigit => texts["The check digit of '{0}' must be one digit 0–9 or X.", values[0]],
            RightNumberProblemKind.UnknownKindDigit => texts["'{0}' has kind digit {1}: it must be 1 (invention), 2 (utility model), 3 (design), 8 (PCT invention) or 9 (PCT utility model).", values[0], values[1]],
            RightNumberProblemKind.TwelveDigitsBefore2003 => texts["'{0}' says it was filed in {1}, but 12-digit numbers began in 2003.", values[0], values[1]],
            RightNumberProblemKind.EightDigitsOutsideTheirYears => texts["'{0}' has the 8-digit form, used from 1985 to 2003, but its year digits {1} fall outside that.", values[0], values[1]],
            RightNumberProblemKind.WrongCheckDigit => texts["The check digit of '{0}' is wrong: the digits {1} give check digit {2}, not {3}. Check the number for a mistyped digit.", values[0], values[1], values[2], values[3]],
            RightNumberProblemKind.KindDigitOfAnotherKind => texts["'{0}' has kind digit {1}, which means {2}; it cannot be the number of the kind of right chosen ({3}).", values[0], values[1], Application(values[2], texts), Right(values[3], texts)],
            RightNumberProblemKind.NotATrademarkNumber => texts["A trademark registration number is 1 to 9 digits; '{0}' is not.", values[0]],
            _ => problem.Message,
        };
    }

    /// <summary>That a number passed the check, with the way the register writes it.</summary>
    public static string Valid(IntellectualPropertyKind kind, string number, Texts texts) =>
        texts["The number is valid; the register writes it {0}.", NumberRules.Canonical(kind, number)];

    /// <summary>The kind of a right in the reader's language (the workflow terms hold these names).</summary>
    public static string Right(IntellectualPropertyKind kind, Texts texts) => texts[WorkflowTerms.Words(kind.ToString())];

    private static string Right(string kind, Texts texts) =>
        Enum.TryParse<IntellectualPropertyKind>(kind, out var parsed) ? Right(parsed, texts) : kind;

    private static string Application(string kind, Texts texts) =>
        Enum.TryParse<PatentApplicationKind>(kind, out var parsed)
            ? parsed switch
            {
                PatentApplicationKind.Invention => texts["an invention application"],
                PatentApplicationKind.UtilityModel => texts["a utility model application"],
                PatentApplicationKind.Design => texts["a design application"],
                PatentApplicationKind.PctInventionNationalPhase => texts["a PCT national-phase invention application"],
                _ => texts["a PCT national-phase utility model application"],
            }
            : kind;
}
