using System.Globalization;

namespace Cases.Domain.Rights;

/// <summary>
/// A CNIPA patent application number (专利申请号) with its check digit (校验位), as in
/// <c>201710601862.3</c> (since 2003: year, kind digit, 7-digit serial) or <c>97101765.4</c>
/// (before 2003: two-digit year, kind digit, 5-digit serial). A granted patent's number is the same
/// with the prefix <c>ZL</c>; <c>CN</c> is accepted too. The check digit is the sum of the digits
/// weighted 2, 3, …, 9, 2, 3, 4, 5 from the left, modulo 11, written <c>X</c> when it is 10.
/// </summary>
public sealed record PatentApplicationNumber
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    private PatentApplicationNumber(string digits, char checkDigit, PatentApplicationKind kind, int year)
    {
        Digits = digits;
        CheckDigit = checkDigit;
        Kind = kind;
        Year = year;
    }

    /// <summary>The 12 (or, before 2003, 8) digits before the check digit.</summary>
    public string Digits { get; }

    public char CheckDigit { get; }

    public PatentApplicationKind Kind { get; }

    /// <summary>The filing year encoded in the number.</summary>
    public int Year { get; }

    /// <summary>The canonical written form, e.g. <c>201710601862.3</c>.</summary>
    public override string ToString() => $"{Digits}.{CheckDigit}";

    public static bool TryParse(string? text, out PatentApplicationNumber? number, out string? error)
    {
        error = Check(text, out number)?.Message;
        return error is null;
    }

    /// <summary>Parses the written forms: null and the number, or which rule the text breaks and why.</summary>
    public static RightNumberProblem? Check(string? text, out PatentApplicationNumber? number)
    {
        number = null;
        return Parse(text, ref number);
    }

    private static RightNumberProblem? Parse(string? text, ref PatentApplicationNumber? number)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(RightNumberProblemKind.Required, "A patent application number is required.", []);
        }

        // The written forms allow a prefix (ZL for a granted patent, CN), spaces between the
        // year, kind and serial, and an interpunct or full stop before the check digit.
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (compact.StartsWith("ZL", StringComparison.Ordinal) || compact.StartsWith("CN", StringComparison.Ordinal))
        {
            compact = compact[2..];
        }

        var separator = compact.IndexOfAny(['.', '·', '•', '。']);
        if (separator < 0)
        {
            return new(RightNumberProblemKind.NoCheckDigit, $"'{text}' has no check digit: write it after a full stop, e.g. 201710601862.3.", [text]);
        }

        var digits = compact[..separator];
        var check = compact[(separator + 1)..];
        if (digits.Length is not (12 or 8) || !digits.All(char.IsAsciiDigit))
        {
            var length = digits.Length.ToString(CultureInfo.InvariantCulture);
            return new(RightNumberProblemKind.WrongDigitCount, $"'{text}' must have 12 digits (8 before 2003) before the check digit; it has {length} characters '{digits}'.", [text, length, digits]);
        }

        if (check.Length != 1 || !(char.IsAsciiDigit(check[0]) || check[0] == 'X'))
        {
            return new(RightNumberProblemKind.CheckCharacterNotADigit, $"The check digit of '{text}' must be one digit 0–9 or X.", [text]);
        }

        var kindDigit = digits.Length == 12 ? digits[4] : digits[2];
        if (!TryKindOf(kindDigit, out var kind))
        {
            return new(RightNumberProblemKind.UnknownKindDigit, $"'{text}' has kind digit {kindDigit}: it must be 1 (invention), 2 (utility model), 3 (design), 8 (PCT invention) or 9 (PCT utility model).", [text, kindDigit.ToString()]);
        }

        // Eight-digit numbers ran from 1985, when the Patent Law took effect, to 2003; twelve-digit ones since.
        var twoDigitYear = digits.Length == 8 ? int.Parse(digits[..2], CultureInfo.InvariantCulture) : 0;
        var year = digits.Length == 12 ? int.Parse(digits[..4], CultureInfo.InvariantCulture) : twoDigitYear >= 85 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
        if (digits.Length == 12 && year < 2003)
        {
            var written = year.ToString(CultureInfo.InvariantCulture);
            return new(RightNumberProblemKind.TwelveDigitsBefore2003, $"'{text}' says it was filed in {written}, but 12-digit numbers began in 2003.", [text, written]);
        }

        if (digits.Length == 8 && year is > 2003 and < 2085)
        {
            return new(RightNumberProblemKind.EightDigitsOutsideTheirYears, $"'{text}' has the 8-digit form, used from 1985 to 2003, but its year digits {digits[..2]} fall outside that.", [text, digits[..2]]);
        }

        var expected = CheckDigitOf(digits);
        if (check[0] != expected)
        {
            return new(RightNumberProblemKind.WrongCheckDigit, $"The check digit of '{text}' is wrong: the digits {digits} give check digit {expected}, not {check[0]}. Check the number for a mistyped digit.", [text, digits, expected.ToString(), check[0].ToString()]);
        }

        number = new PatentApplicationNumber(digits, expected, kind, year);
        return null;
    }

    /// <summary>The check digit for 8 or 12 digits.</summary>
    public static char CheckDigitOf(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var index = 0; index < digits.Length; index++)
        {
            sum += (digits[index] - '0') * Weights[index];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    private static bool TryKindOf(char kindDigit, out PatentApplicationKind kind)
    {
        kind = kindDigit switch
        {
            '1' => PatentApplicationKind.Invention,
            '2' => PatentApplicationKind.UtilityModel,
            '3' => PatentApplicationKind.Design,
            '8' => PatentApplicationKind.PctInventionNationalPhase,
            '9' => PatentApplicationKind.PctUtilityModelNationalPhase,
            _ => default,
        };
        return kind != default;
    }
}

/// <summary>The kind encoded in an application number's kind digit (申请种类号).</summary>
public enum PatentApplicationKind
{
    Invention = 1,
    UtilityModel = 2,
    Design = 3,

    /// <summary>A PCT international application entering the national phase as an invention (PCT 发明).</summary>
    PctInventionNationalPhase = 8,

    /// <summary>A PCT international application entering the national phase as a utility model (PCT 实用新型).</summary>
    PctUtilityModelNationalPhase = 9,
}
