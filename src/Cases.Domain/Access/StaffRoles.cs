namespace Cases.Domain.Access;

/// <summary>Groups of roles that several requests share.</summary>
public static class StaffRoles
{
    /// <summary>The centres' own people (中心工作人员) and system administrators: everyone but an enterprise's users.</summary>
    public static IReadOnlyList<Role> All { get; } =
        [Role.IntakeOfficer, Role.CaseHandler, Role.Mediator, Role.Arbitrator, Role.Supervisor, Role.CentreAdmin, Role.SystemAdmin];

    /// <summary>Who triages (分流): decides a case's priority.</summary>
    public static IReadOnlyList<Role> Triage { get; } = [Role.IntakeOfficer, Role.Supervisor, Role.CentreAdmin, Role.SystemAdmin];
}
