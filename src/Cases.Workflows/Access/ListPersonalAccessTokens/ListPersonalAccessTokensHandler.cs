using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Access.ListPersonalAccessTokens;

public sealed class ListPersonalAccessTokensHandler(CasesDbContext database, ICurrentActor currentActor)
    : IRequestHandler<ListPersonalAccessTokensQuery, IReadOnlyList<PersonalAccessTokenView>>
{
    public async Task<IReadOnlyList<PersonalAccessTokenView>> Handle(ListPersonalAccessTokensQuery query, CancellationToken cancellationToken)
    {
        var enterprise = PersonalAccessTokenRules.RequireEnterpriseSignIn(currentActor, "Listing personal access tokens");
        var rows = await database.AccessTokens.AsNoTracking()
            .Where(token => token.EnterpriseId == enterprise && token.Kind == AccessTokenKind.Personal)
            .Join(database.Users, token => token.UserId, user => user.Id, (token, user) => new { token, user.UserName })
            .OrderByDescending(row => row.token.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(row => PersonalAccessTokenView.From(row.token, row.UserName!)).ToList();
    }
}
