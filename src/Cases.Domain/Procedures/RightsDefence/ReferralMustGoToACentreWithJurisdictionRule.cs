using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.RightsDefence;

/// <summary>A cross-region referral (跨地区案件移送) goes to a centre of the region where the infringement took place.</summary>
public sealed class ReferralMustGoToACentreWithJurisdictionRule(string? infringementRegion, CentreCode? receivingCentre) : IBusinessRule
{
    public bool IsBroken() => receivingCentre is not { } receiving || !receiving.TryGetRegion(out var region) || region.Code != infringementRegion;

    public string Message => $"The case can be referred only to a centre in the region where the infringement took place ({infringementRegion}), not to {receivingCentre}.";
}
