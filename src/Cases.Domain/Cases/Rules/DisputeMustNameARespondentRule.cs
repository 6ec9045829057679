using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>Rights defence, mediation and arbitration are disputes: there is someone to answer (被请求人).</summary>
public sealed class DisputeMustNameARespondentRule(CaseKind kind, IReadOnlyList<PartyDetails> parties) : IBusinessRule
{
    public bool IsBroken() => kind != CaseKind.FastTrackPreExamination && !parties.Any(party => party.Role == PartyRole.Respondent);

    public string Message => $"A {kind} case must name at least one Respondent.";
}
