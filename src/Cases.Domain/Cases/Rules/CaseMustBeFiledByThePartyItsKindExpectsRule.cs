using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>
/// A rights-defence case is brought by a complainant (投诉人 / 请求人); pre-examination, mediation
/// and arbitration by an applicant (申请人). Mixing the two roles in one case is a mistake.
/// </summary>
public sealed class CaseMustBeFiledByThePartyItsKindExpectsRule(CaseKind kind, IReadOnlyList<PartyDetails> parties) : IBusinessRule
{
    private PartyRole Expected => kind == CaseKind.RightsDefence ? PartyRole.Complainant : PartyRole.Applicant;

    private PartyRole Other => kind == CaseKind.RightsDefence ? PartyRole.Applicant : PartyRole.Complainant;

    public bool IsBroken() => !parties.Any(party => party.Role == Expected) || parties.Any(party => party.Role == Other);

    public string Message => $"A {kind} case is filed by at least one {Expected} and names no {Other}.";
}
