using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Regions;

namespace Cases.Domain.Procedures.RightsDefence;

/// <summary>
/// A centre accepts (立案) a dispute only where the infringement took place in its own region
/// (管辖); otherwise the case is referred to the centre of that region.
/// </summary>
public sealed class CaseMustBeWithinTheCentresJurisdictionRule(string? infringementRegion, CentreCode handlingCentre) : IBusinessRule
{
    public bool IsBroken() => !handlingCentre.TryGetRegion(out var region) || region.Code != infringementRegion;

    public string Message => Region.TryFromCode(infringementRegion, out var region)
        ? $"The infringement took place in {region.EnglishName} ({region.Code}), outside {handlingCentre}'s jurisdiction: refer the case to a centre there."
        : $"'{infringementRegion}' is not a region of the 9+2.";
}
