using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>A case is referred (移送) to a centre other than the one handling it.</summary>
public sealed class ReferralMustGoToAnotherCentreRule(CentreCode handlingCentre, CentreCode? receivingCentre) : IBusinessRule
{
    public bool IsBroken() => receivingCentre is not { } receiving || receiving == handlingCentre;

    public string Message => receivingCentre is null
        ? "A referral names the centre that is to receive the case."
        : $"The case is already handled by {handlingCentre}; refer it to another centre.";
}
