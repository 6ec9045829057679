namespace Cases.Domain.Common;

public static class BusinessRules
{
    /// <summary>Checks every rule and reports all broken ones at once, so a person can fix them together.</summary>
    public static void Check(params IBusinessRule[] rules)
    {
        var broken = rules.Where(rule => rule.IsBroken()).ToList();
        if (broken.Count > 0)
        {
            throw new BusinessRuleValidationException(broken);
        }
    }
}
