namespace Cases.Domain.Cases;

/// <summary>Which of the centre's pipelines a case runs through (案件类型).</summary>
public enum CaseKind
{
    /// <summary>Fast-track patent pre-examination (专利快速预审).</summary>
    FastTrackPreExamination = 1,

    /// <summary>Rights defence: handling of a patent infringement dispute (维权 / 专利侵权纠纷处理).</summary>
    RightsDefence = 2,

    /// <summary>Mediation of a dispute (调解).</summary>
    Mediation = 3,

    /// <summary>Arbitration of a dispute (仲裁).</summary>
    Arbitration = 4,
}
