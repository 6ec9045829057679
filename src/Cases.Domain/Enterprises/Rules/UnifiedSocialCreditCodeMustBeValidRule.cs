using Cases.Domain.Common;

namespace Cases.Domain.Enterprises.Rules;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015) has 18 characters from the
/// standard's alphabet (digits and capitals without I, O, S, V, Z) and ends with the check
/// character its first 17 give, so a mistyped code is caught before it is registered.
/// </summary>
public sealed class UnifiedSocialCreditCodeMustBeValidRule(string? code) : IBusinessRule
{
    public const int Length = 18;

    /// <summary>The standard's alphabet; a character's value is its position.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public bool IsBroken() => code is null || !IsValid(code);

    public string Message => $"'{code}' is not a valid unified social credit code: 18 characters whose last is the check character of the first 17.";

    public static bool IsValid(string code)
    {
        if (code.Length != Length || code.Any(character => !Alphabet.Contains(character, StringComparison.Ordinal)))
        {
            return false;
        }

        return code[^1] == CheckCharacterOf(code[..^1]);
    }

    /// <summary>The check character of the first 17 characters of a code.</summary>
    public static char CheckCharacterOf(string first17)
    {
        var sum = 0;
        for (var index = 0; index < Weights.Length; index++)
        {
            sum += Alphabet.IndexOf(first17[index], StringComparison.Ordinal) * Weights[index];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
