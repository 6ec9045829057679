namespace Cases.Domain.Cases;

/// <summary>A party's role in a case (当事人地位).</summary>
public enum PartyRole
{
    /// <summary>Applicant (申请人): files a pre-examination, mediation or arbitration application.</summary>
    Applicant = 1,

    /// <summary>Complainant or requester (投诉人 / 请求人): files a rights-defence complaint.</summary>
    Complainant = 2,

    /// <summary>Respondent (被请求人 / 被申请人): the other side of a dispute.</summary>
    Respondent = 3,
}
