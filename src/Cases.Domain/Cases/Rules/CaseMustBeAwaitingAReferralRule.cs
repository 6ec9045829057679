using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>A referral can be accepted, declined or withdrawn only while one is pending.</summary>
public sealed class CaseMustBeAwaitingAReferralRule(CentreCode? referredTo) : IBusinessRule
{
    public bool IsBroken() => referredTo is null;

    public string Message => "The case is not referred to any centre.";
}
