using Cases.Domain.Access;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Access.CreatePersonalAccessToken;

public sealed class CreatePersonalAccessTokenHandler(AccessTokens tokens, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<CreatePersonalAccessTokenCommand, PersonalAccessTokenCreated>
{
    /// <summary>A year, unless the holder asks for less or more.</summary>
    public const int DefaultDays = 365;

    public Task<PersonalAccessTokenCreated> Handle(CreatePersonalAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var enterprise = PersonalAccessTokenRules.RequireEnterpriseSignIn(currentActor, "Creating a personal access token");
        var now = time.GetUtcNow();
        var (token, secret) = tokens.Issue(currentActor.UserId!.Value, AccessTokenKind.Personal, command.Name!.Trim(), enterprise, now.AddDays(command.ExpiresInDays ?? DefaultDays));
        return Task.FromResult(new PersonalAccessTokenCreated(secret, PersonalAccessTokenView.From(token, currentActor.Actor.Name)));
    }
}

/// <summary>Who may manage an enterprise's personal access tokens.</summary>
public static class PersonalAccessTokenRules
{
    /// <summary>
    /// An enterprise user, signed in themselves: a personal access token cannot mint, list or revoke
    /// tokens, so a leaked one cannot outlive its own revocation. Returns the enterprise.
    /// </summary>
    public static Guid RequireEnterpriseSignIn(ICurrentActor currentActor, string what)
    {
        currentActor.Require([Role.EnterpriseUser], what);
        if (currentActor.ThroughPersonalAccessToken)
        {
            throw new ForbiddenException($"{what} needs the enterprise user's own sign-in, not a personal access token.");
        }

        return currentActor.Scope.Enterprise?.Value
            ?? throw new ForbiddenException($"{what} needs a user of a key enterprise; '{currentActor.Actor}' belongs to none.");
    }
}
