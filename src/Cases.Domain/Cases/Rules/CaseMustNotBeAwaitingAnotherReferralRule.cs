using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>One referral at a time: a case offered to a centre is not offered to another until that one answers.</summary>
public sealed class CaseMustNotBeAwaitingAnotherReferralRule(CentreCode? referredTo) : IBusinessRule
{
    public bool IsBroken() => referredTo is not null;

    public string Message => $"The case is already referred to {referredTo} and awaits its answer.";
}
