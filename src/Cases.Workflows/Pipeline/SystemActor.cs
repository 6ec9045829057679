using Cases.Domain.Access;
using Cases.Domain.Common;

namespace Cases.Workflows.Pipeline;

/// <summary>
/// The actor of work that runs outside any request: start-up seeding, timers, maintenance. No
/// caller's input reaches it, so it holds every role and sees every case; what it does is
/// recorded as <c>system</c>.
/// </summary>
public sealed class SystemActor : ICurrentActor
{
    public static SystemActor Instance { get; } = new();

    private static readonly IReadOnlySet<Role> AllRoles = Enum.GetValues<Role>().ToHashSet();

    private SystemActor()
    {
    }

    public Actor Actor => Actor.System;

    public IReadOnlySet<Role> Roles => AllRoles;

    public Guid? UserId => null;

    public AccessScope Scope => AccessScope.Everything;

    public bool ThroughPersonalAccessToken => false;
}
