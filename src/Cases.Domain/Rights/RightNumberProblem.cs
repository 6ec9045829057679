namespace Cases.Domain.Rights;

/// <summary>
/// Why a text is not a number a register could have issued: which rule it breaks, the values the
/// explanation names (in the order <see cref="RightNumberProblemKind"/> documents) and the English
/// sentence. The kind and values let an interface say the same in its reader's language.
/// </summary>
public sealed record RightNumberProblem(RightNumberProblemKind Kind, string Message, IReadOnlyList<string> Values)
{
    public override string ToString() => Message;
}

/// <summary>The rules a right's number can break; each names the values it explains itself with.</summary>
public enum RightNumberProblemKind
{
    /// <summary>No number given. Values: none.</summary>
    Required = 1,

    /// <summary>Longer than any register writes. Values: the maximum length.</summary>
    TooLong = 2,

    /// <summary>A patent number without its check digit. Values: the text.</summary>
    NoCheckDigit = 3,

    /// <summary>Not 12 (8 before 2003) digits before the check digit. Values: the text, how many characters, those characters.</summary>
    WrongDigitCount = 4,

    /// <summary>The check character is not one digit or X. Values: the text.</summary>
    CheckCharacterNotADigit = 5,

    /// <summary>The kind digit is none CNIPA uses. Values: the text, the kind digit.</summary>
    UnknownKindDigit = 6,

    /// <summary>A 12-digit number with a year before 2003. Values: the text, the year.</summary>
    TwelveDigitsBefore2003 = 7,

    /// <summary>An 8-digit number whose year falls outside 1985–2003. Values: the text, the two year digits.</summary>
    EightDigitsOutsideTheirYears = 8,

    /// <summary>The check digit does not match the digits. Values: the text, the digits, the right check digit, the one written.</summary>
    WrongCheckDigit = 9,

    /// <summary>
    /// A valid application number of another kind of patent. Values: the text, its kind digit, the
    /// application's <see cref="PatentApplicationKind"/> name, the right's <see cref="IntellectualPropertyKind"/> name.
    /// </summary>
    KindDigitOfAnotherKind = 10,

    /// <summary>A trademark registration number that is not 1 to 9 digits. Values: the text.</summary>
    NotATrademarkNumber = 11,
}
