using Cases.Domain.Common;
using Cases.Workflows.Pipeline;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The signed-in user's name, or <c>anonymous</c> until authentication is required
/// (the identity and access issue adds it).
/// </summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private static readonly Actor Anonymous = new("anonymous");

    public Actor Actor =>
        accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new Actor(name)
            : Anonymous;
}
