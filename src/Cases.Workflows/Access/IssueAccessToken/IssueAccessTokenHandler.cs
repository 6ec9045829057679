using Cases.Workflows.Persistence;
using MediatR;

namespace Cases.Workflows.Access.IssueAccessToken;

public sealed class IssueAccessTokenHandler(PasswordSignIn signIn, AccessTokens tokens, CasesDbContext database, TimeProvider time)
    : IRequestHandler<IssueAccessTokenCommand, IssuedAccessToken>
{
    public async Task<IssuedAccessToken> Handle(IssueAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var user = await signIn.VerifyAsync(command.Username!, command.Password!, cancellationToken);
        var (_, secret) = tokens.Issue(user.Id, AccessTokenKind.Session, "session", null, time.GetUtcNow() + AccessTokens.SessionLifetime);
        await database.SaveChangesAsync(cancellationToken);
        return new IssuedAccessToken(secret, "Bearer", (int)AccessTokens.SessionLifetime.TotalSeconds);
    }
}
