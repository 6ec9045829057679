using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Access.RevokePersonalAccessToken;

public sealed class RevokePersonalAccessTokenHandler(CasesDbContext database, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<RevokePersonalAccessTokenCommand, PersonalAccessTokenView>
{
    public async Task<PersonalAccessTokenView> Handle(RevokePersonalAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var enterprise = PersonalAccessTokenRules.RequireEnterpriseSignIn(currentActor, "Revoking a personal access token");
        // Another enterprise's token is answered as missing, like any record outside the caller's scope.
        var token = await database.AccessTokens
            .SingleOrDefaultAsync(candidate => candidate.Id == command.TokenId && candidate.EnterpriseId == enterprise && candidate.Kind == AccessTokenKind.Personal, cancellationToken)
            ?? throw new NotFoundException("Personal access token", command.TokenId.ToString());
        if (token.RevokedAt is not null)
        {
            throw new ConflictException($"The token '{token.Name}' was already revoked at {token.RevokedAt:O} by {token.RevokedBy}.");
        }

        token.RevokedAt = time.GetUtcNow();
        token.RevokedBy = currentActor.Actor.Name;
        var createdBy = await database.Users.Where(user => user.Id == token.UserId).Select(user => user.UserName).SingleAsync(cancellationToken);
        return PersonalAccessTokenView.From(token, createdBy!);
    }
}
