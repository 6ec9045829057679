namespace Cases.Domain.Common;

/// <summary>Thrown when a change would break one or more invariants; nothing is changed.</summary>
public sealed class BusinessRuleValidationException : Exception
{
    public BusinessRuleValidationException(IReadOnlyList<IBusinessRule> brokenRules)
        : base(string.Join(" ", brokenRules.Select(rule => rule.Message)))
    {
        BrokenRules = brokenRules;
    }

    public IReadOnlyList<IBusinessRule> BrokenRules { get; }
}
