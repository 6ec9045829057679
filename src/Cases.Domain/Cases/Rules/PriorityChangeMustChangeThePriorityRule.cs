using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>A change that changes nothing is refused rather than silently ignored.</summary>
public sealed class PriorityChangeMustChangeThePriorityRule(bool current, bool requested) : IBusinessRule
{
    public bool IsBroken() => current == requested;

    public string Message => requested ? "The case is already a priority." : "The case is already not a priority.";
}
