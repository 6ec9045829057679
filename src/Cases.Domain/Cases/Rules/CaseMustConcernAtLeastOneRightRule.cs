using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>A case is always about some right (涉案知识产权): without one there is nothing to protect.</summary>
public sealed class CaseMustConcernAtLeastOneRightRule(IReadOnlyList<RightDetails> rights) : IBusinessRule
{
    public bool IsBroken() => rights.Count == 0;

    public string Message => "A case must concern at least one intellectual property right.";
}
