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

    /// <summary>
    /// Whether the caller may change a case they can see. Seeing is wider than acting: the centre a
    /// case was filed at keeps reading it after a referral moved it, and the centre it is offered to
    /// reads it before deciding. Staff change only the cases their centre handles, except that the
    /// centre a case is referred to takes it over or declines it, and either side may end a
    /// pending referral. An enterprise changes its own cases (its role decides which actions).
    /// </summary>
    public bool MayChange(CentreCode handlingCentre, CentreCode? referredTo, EnterpriseId? enterprise, Cases.ReferralEffect referral) =>
        Unrestricted
        || (Enterprise is { } own && enterprise == own)
        || (Centre is { } centre && referral switch
        {
            // With no referral pending there is nothing to answer: the case's own rules say so (422).
            Cases.ReferralEffect.TakeOver => referredTo is null ? handlingCentre == centre : referredTo == centre,
            Cases.ReferralEffect.Return => referredTo == centre || handlingCentre == centre,
            _ => handlingCentre == centre,
        });

    public override string ToString() =>
        Unrestricted ? "everything" : Centre is { } centre ? $"centre {centre}" : Enterprise is { } enterprise ? $"enterprise {enterprise}" : "nothing";
}
