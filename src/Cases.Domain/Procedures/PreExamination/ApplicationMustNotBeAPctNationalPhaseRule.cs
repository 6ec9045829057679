using Cases.Domain.Common;

namespace Cases.Domain.Procedures.PreExamination;

/// <summary>A PCT application entering the Chinese national phase (PCT国家阶段) cannot be fast-tracked by a centre.</summary>
public sealed class ApplicationMustNotBeAPctNationalPhaseRule(bool? pctNationalPhase) : IBusinessRule
{
    public bool IsBroken() => pctNationalPhase != false;

    public string Message => "A PCT national-phase application is not eligible for fast-track pre-examination.";
}
