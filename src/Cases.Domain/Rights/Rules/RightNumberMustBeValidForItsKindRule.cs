using Cases.Domain.Common;

namespace Cases.Domain.Rights.Rules;

/// <summary>A right's number (专利申请号 / 商标注册号 …) must be one its register could have issued.</summary>
public sealed class RightNumberMustBeValidForItsKindRule(IntellectualPropertyKind kind, string? number) : IBusinessRule
{
    private readonly string? problem = NumberRules.ProblemWith(kind, number);

    public bool IsBroken() => problem is not null;

    public string Message => problem ?? string.Empty;
}
