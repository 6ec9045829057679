using Cases.Domain.Access;
using Cases.Domain.Common;

namespace Cases.Workflows.Pipeline;

/// <summary>Who is making the current request and in which roles; recorded on every change, checked by each workflow action.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }

    IReadOnlySet<Role> Roles { get; }
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
