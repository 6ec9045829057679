using Cases.Domain.Common;

namespace Cases.Domain.Rights.Rules;

public sealed class RightNumberMustBeValidForItsKindRule(IntellectualPropertyKind kind, string? number) : IBusinessRule
{
    private readonly string? problem = NumberRules.ProblemWith(kind, number);

    public bool IsBroken() => problem is not null;

    public string Message => problem ?? string.Empty;
}
