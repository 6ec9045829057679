using Cases.Domain.Common;
using Cases.Domain.Rights;

namespace Cases.Domain.Cases.Rules;

/// <summary>A pre-examination request (预审请求) is for exactly one patent application.</summary>
public sealed class PreExaminationMustConcernOnePatentRule(CaseKind kind, IReadOnlyList<RightDetails> rights) : IBusinessRule
{
    public bool IsBroken() => kind == CaseKind.FastTrackPreExamination && (rights.Count != 1 || !rights[0].Kind.IsPatent());

    public string Message => "A FastTrackPreExamination case concerns exactly one patent application (invention, utility model or design).";
}
