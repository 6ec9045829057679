using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>
/// A key enterprise files through the direct channel (直通车) with the centre that registered it,
/// which knows the enterprise and answers for its shorter targets; another centre it approaches
/// the ordinary way.
/// </summary>
public sealed class DirectChannelCaseMustBeFiledWithTheEnterprisesCentreRule(CentreCode filedWith, CentreCode enterpriseCentre) : IBusinessRule
{
    public bool IsBroken() => filedWith != enterpriseCentre;

    public string Message => $"The enterprise files through the direct channel with {enterpriseCentre}, the centre that registered it, not with {filedWith}.";
}
