using Cases.Domain.Access;
using Cases.Domain.Common;
using Cases.Workflows.Access;
using Cases.Workflows.Pipeline;

namespace Cases.Api.Infrastructure;

/// <summary>The signed-in user's name, roles and scope from the request's principal; <c>anonymous</c> with no role and no scope otherwise.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private static readonly Actor Anonymous = new("anonymous");
    private IReadOnlySet<Role>? roles;
    private AccessScope? scope;

    public Actor Actor =>
        accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new Actor(name)
            : Anonymous;

    // Scoped per request: the claims are read once, however often they are checked.
    public IReadOnlySet<Role> Roles => roles ??=
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? CasesPrincipal.Roles(user) : new HashSet<Role>();

    public Guid? UserId => accessor.HttpContext?.User is { } user ? CasesPrincipal.UserId(user) : null;

    public AccessScope Scope => scope ??=
        accessor.HttpContext?.User is { } user ? CasesPrincipal.Scope(user, Roles) : AccessScope.Nothing;

    public bool ThroughPersonalAccessToken => accessor.HttpContext?.User.HasClaim(CasesClaimTypes.PersonalAccessToken, "true") == true;
}
