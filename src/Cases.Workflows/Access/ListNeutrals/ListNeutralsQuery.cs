using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Access.ListNeutrals;

/// <summary>
/// The mediators and arbitrators (调解员、仲裁员名册) of a centre, for the staff who assign them
/// (指派调解员, 组成仲裁庭): display name and user name, to offer as a pick list. Only the Mediator
/// and Arbitrator roles, or one of them with <see cref="Role"/>.
/// </summary>
public sealed record ListNeutralsQuery(CentreCode? Centre, Role? Role) : IQuery<IReadOnlyList<NeutralView>>
{
    /// <summary>The roles the list is of.</summary>
    public static IReadOnlyList<Role> NeutralRoles { get; } = [Domain.Access.Role.Mediator, Domain.Access.Role.Arbitrator];

    /// <summary>Who assigns neutrals in the mediation and arbitration workflow, and so may list them.</summary>
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Domain.Access.Role.CentreAdmin, Domain.Access.Role.Supervisor, Domain.Access.Role.SystemAdmin];
}

/// <summary>
/// One mediator or arbitrator: the display name is what the assignment should record (the
/// assigned person's list matches it), the user name tells two people of the same name apart.
/// </summary>
public sealed record NeutralView(Guid Id, string DisplayName, string UserName, IReadOnlyList<Role> Roles);
