using Cases.Domain.Centres.Rules;
using Cases.Domain.Common;
using Cases.Domain.Regions;

namespace Cases.Domain.Centres;

/// <summary>
/// An IP protection centre or rapid rights-protection centre (知识产权保护中心 / 快速维权中心)
/// in one region of the 9+2. It files cases under its own numbering.
/// </summary>
public sealed class ProtectionCentre
{
    public const int MaximumNameLength = 200;

    private ProtectionCentre(CentreCode code, Region region, string name, DateTimeOffset createdAt)
    {
        Code = code;
        Region = region;
        Name = name;
        CreatedAt = createdAt;
    }

    public CentreCode Code { get; private set; }

    public Region Region { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ProtectionCentre Register(CentreCode code, Region region, string name, DateTimeOffset now)
    {
        BusinessRules.Check(
            new CentreCodeMustBeWellFormedRule(code),
            new CentreCodeMustStartWithItsRegionRule(code, region));
        return new ProtectionCentre(code, region, name.Trim(), now);
    }
}
