using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.PreExamination;

/// <summary>Fast-track pre-examination (快速预审) is open only to applicants registered with the centre (备案).</summary>
public sealed class ApplicantMustBeRegisteredWithTheCentreRule(string applicant, CentreCode centre, bool registered) : IBusinessRule
{
    public bool IsBroken() => !registered;

    public string Message => $"The applicant '{applicant}' is not registered with {centre} for fast-track pre-examination.";
}
