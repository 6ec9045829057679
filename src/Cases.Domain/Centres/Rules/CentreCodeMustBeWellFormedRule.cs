using Cases.Domain.Common;

namespace Cases.Domain.Centres.Rules;

/// <summary>The code prefixes every case number of the centre (案件编号), so it must have one fixed shape.</summary>
public sealed class CentreCodeMustBeWellFormedRule(CentreCode code) : IBusinessRule
{
    public bool IsBroken() => !code.IsWellFormed;

    public string Message => $"A centre code is {CentreCode.FormatDescription}; '{code.Value}' is not.";
}
