using Cases.Domain.Common;
using Cases.Domain.Regions;

namespace Cases.Domain.Centres.Rules;

/// <summary>Case numbers start with the centre code, so the code must say where the case is handled.</summary>
public sealed class CentreCodeMustStartWithItsRegionRule(CentreCode code, Region region) : IBusinessRule
{
    public bool IsBroken() => code.Value is null || !code.Value.StartsWith(region.Code, StringComparison.Ordinal);

    public string Message => $"The code of a centre in {region.EnglishName} must start with '{region.Code}'; '{code.Value}' does not.";
}
