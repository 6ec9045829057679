namespace Cases.Domain.Access;

/// <summary>What a person may do in Cases (角色). Workflow transitions name the roles allowed to take them.</summary>
public enum Role
{
    /// <summary>Intake officer (收件员): receives filings and triages them.</summary>
    IntakeOfficer = 1,

    /// <summary>Case handler (承办人): handles an accepted case to its decision.</summary>
    CaseHandler = 2,

    /// <summary>Mediator (调解员).</summary>
    Mediator = 3,

    /// <summary>Arbitrator (仲裁员).</summary>
    Arbitrator = 4,

    /// <summary>Supervisor (部门负责人): approves extensions, receives escalations.</summary>
    Supervisor = 5,

    /// <summary>Centre administrator (中心管理员).</summary>
    CentreAdmin = 6,

    /// <summary>System administrator (系统管理员).</summary>
    SystemAdmin = 7,

    /// <summary>A user of a key enterprise (重点企业用户) filing through the direct channel (直通车).</summary>
    EnterpriseUser = 8,
}
