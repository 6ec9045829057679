using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>Fast-track pre-examination (快速预审) is an application, not a dispute: it has no respondent.</summary>
public sealed class PreExaminationMustNotNameARespondentRule(CaseKind kind, IReadOnlyList<PartyDetails> parties) : IBusinessRule
{
    public bool IsBroken() => kind == CaseKind.FastTrackPreExamination && parties.Any(party => party.Role == PartyRole.Respondent);

    public string Message => "A FastTrackPreExamination case has no Respondent.";
}
