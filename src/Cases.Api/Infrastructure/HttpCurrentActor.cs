using System.Security.Claims;
using Cases.Domain.Access;
using Cases.Domain.Common;
using Cases.Workflows.Pipeline;

namespace Cases.Api.Infrastructure;

/// <summary>The signed-in user's name and roles (role claims), or <c>anonymous</c> with no role.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private static readonly Actor Anonymous = new("anonymous");
    private HashSet<Role>? roles;

    public Actor Actor =>
        accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new Actor(name)
            : Anonymous;

    // Scoped per request: the claims are read once, however often the roles are checked.
    public IReadOnlySet<Role> Roles => roles ??=
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? user.FindAll(ClaimTypes.Role).Select(claim => Enum.TryParse<Role>(claim.Value, out var role) ? role : (Role?)null).OfType<Role>().ToHashSet()
            : new HashSet<Role>();
}
