using Cases.Domain.Access;
using Cases.Domain.Common;

namespace Cases.Workflows.Pipeline;

/// <summary>
/// Who is making the current request, in which roles and over which cases; recorded on every
/// change, checked by each workflow action and by every read of a case.
/// </summary>
public interface ICurrentActor
{
    Actor Actor { get; }

    IReadOnlySet<Role> Roles { get; }

    /// <summary>The signed-in user's id; null for nobody signed in and for the system itself.</summary>
    Guid? UserId { get; }

    /// <summary>Which cases the caller may see and act on.</summary>
    AccessScope Scope { get; }

    /// <summary>
    /// Whether the request came with a personal access token rather than a person's own sign-in:
    /// such a token may file and follow cases, but not mint or list tokens.
    /// </summary>
    bool ThroughPersonalAccessToken { get; }
}

public static class CurrentActorExtensions
{
    /// <summary>Refuses the request unless the caller has one of the roles.</summary>
    /// <exception cref="ForbiddenException">The caller has none of them.</exception>
    public static void Require(this ICurrentActor current, IReadOnlyCollection<Role> allowed, string what)
    {
        if (!allowed.Any(current.Roles.Contains))
        {
            throw new ForbiddenException(
                $"{what} needs one of the roles {string.Join(", ", allowed)}; '{current.Actor}' acts as {(current.Roles.Count == 0 ? "no role" : string.Join(", ", current.Roles.Order()))}.");
        }
    }
}
