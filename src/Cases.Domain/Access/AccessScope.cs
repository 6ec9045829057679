using Cases.Domain.Centres;
using Cases.Domain.Enterprises;

namespace Cases.Domain.Access;

/// <summary>
/// Which cases a caller may see (数据范围): every case (system administrators and the system
/// itself), the cases of one centre (its staff), the cases of one enterprise (its users), or none
/// (nobody signed in). A case outside the scope does not exist for the caller: it is answered 404.
/// </summary>
public sealed record AccessScope
{
    private AccessScope(bool unrestricted, CentreCode? centre, EnterpriseId? enterprise)
    {
        Unrestricted = unrestricted;
        Centre = centre;
        Enterprise = enterprise;
    }

    public bool Unrestricted { get; }

    /// <summary>The centre whose cases, and the cases referred to it, the caller sees.</summary>
    public CentreCode? Centre { get; }

    /// <summary>The enterprise whose own cases the caller sees, in the reduced view.</summary>
    public EnterpriseId? Enterprise { get; }

    public static AccessScope Everything { get; } = new(true, null, null);

    public static AccessScope Nothing { get; } = new(false, null, null);

    public static AccessScope OfCentre(CentreCode centre) => new(false, centre, null);

    public static AccessScope OfEnterprise(EnterpriseId enterprise) => new(false, null, enterprise);

    /// <summary>
    /// Whether a case with these centres and enterprise is visible: staff see the cases filed at or
    /// handled by their centre and those offered to it in a referral; an enterprise sees its own.
    /// </summary>
    public bool Covers(CentreCode filedAt, CentreCode handlingCentre, CentreCode? referredTo, EnterpriseId? enterprise) =>
        Unrestricted
        || (Centre is { } centre && (filedAt == centre || handlingCentre == centre || referredTo == centre))
        || (Enterprise is { } own && enterprise == own);

    public override string ToString() =>
        Unrestricted ? "everything" : Centre is { } centre ? $"centre {centre}" : Enterprise is { } enterprise ? $"enterprise {enterprise}" : "nothing";
}
