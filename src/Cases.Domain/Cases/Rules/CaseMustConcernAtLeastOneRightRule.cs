using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

public sealed class CaseMustConcernAtLeastOneRightRule(IReadOnlyList<RightDetails> rights) : IBusinessRule
{
    public bool IsBroken() => rights.Count == 0;

    public string Message => "A case must concern at least one intellectual property right.";
}
