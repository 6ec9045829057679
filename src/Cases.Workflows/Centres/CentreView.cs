using Cases.Domain.Centres;

namespace Cases.Workflows.Centres;

public sealed record CentreView(string Code, string Region, string RegionName, string Name)
{
    public static CentreView From(ProtectionCentre centre) => new(centre.Code.Value, centre.Region.Code, centre.Region.EnglishName, centre.Name);
}
