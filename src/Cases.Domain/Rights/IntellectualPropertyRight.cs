using Cases.Domain.Common;
using Cases.Domain.Rights.Rules;

namespace Cases.Domain.Rights;

/// <summary>
/// An intellectual property right a case concerns (涉案知识产权): its kind and its number in the
/// register that issues it. Patent numbers are checked against their check digit and kind digit.
/// </summary>
public sealed class IntellectualPropertyRight
{
    public const int MaximumNumberLength = 64;
    public const int MaximumTitleLength = 200;

    private IntellectualPropertyRight(int ordinal, IntellectualPropertyKind kind, string number, string? title)
    {
        Ordinal = ordinal;
        Kind = kind;
        Number = number;
        Title = title;
    }

    /// <summary>Position in the case's list, from 1.</summary>
    public int Ordinal { get; private set; }

    public IntellectualPropertyKind Kind { get; private set; }

    /// <summary>The number as the register writes it; patent numbers in canonical form.</summary>
    public string Number { get; private set; }

    public string? Title { get; private set; }

    public static IntellectualPropertyRight Create(int ordinal, IntellectualPropertyKind kind, string number, string? title)
    {
        BusinessRules.Check(new RightNumberMustBeValidForItsKindRule(kind, number));
        var canonical = NumberRules.Canonical(kind, number);
        return new IntellectualPropertyRight(ordinal, kind, canonical, string.IsNullOrWhiteSpace(title) ? null : title.Trim());
    }
}
