using Cases.Domain.Common;

namespace Cases.Domain.Procedures.RightsDefence;

/// <summary>A dispute goes to mediation (调解) only with the consent of both parties (双方自愿).</summary>
public sealed class BothPartiesMustConsentToMediationRule(bool? complainantConsents, bool? respondentConsents) : IBusinessRule
{
    public bool IsBroken() => complainantConsents != true || respondentConsents != true;

    public string Message => "Mediation needs the consent of both the complainant and the respondent.";
}
