namespace Cases.Domain.Cases;

/// <summary>What a transition does to the case's handling centre (承办中心) in a cross-region referral (跨地区案件移送).</summary>
public enum ReferralEffect
{
    None = 0,

    /// <summary>Offers the case to the centre named in the payload's <c>centre</c> field; the sending centre still handles it.</summary>
    Refer = 1,

    /// <summary>The receiving centre takes the case over.</summary>
    TakeOver = 2,

    /// <summary>The offer ends (declined or withdrawn); the sending centre keeps the case.</summary>
    Return = 3,
}
