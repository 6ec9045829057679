using Cases.Domain.Common;

namespace Cases.Domain.Centres.Rules;

public sealed class CentreCodeMustBeWellFormedRule(CentreCode code) : IBusinessRule
{
    public bool IsBroken() => !code.IsWellFormed;

    public string Message => $"A centre code is {CentreCode.FormatDescription}; '{code.Value}' is not.";
}
