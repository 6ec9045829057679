using Cases.Domain.Cases;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.Mediation;

/// <summary>A step that only one kind of case takes, e.g. only a mediation application asks the respondent's consent.</summary>
public sealed class CaseMustBeOfKindRule(CaseKind actual, CaseKind expected) : IBusinessRule
{
    public bool IsBroken() => actual != expected;

    public string Message => $"This step is for {expected} cases; this case is a {actual} case.";
}
