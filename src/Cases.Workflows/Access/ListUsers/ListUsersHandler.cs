using Cases.Domain.Access;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Access.ListUsers;

public sealed class ListUsersHandler(CasesDbContext database, ICurrentActor currentActor)
    : IRequestHandler<ListUsersQuery, IReadOnlyList<UserView>>
{
    public async Task<IReadOnlyList<UserView>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.CentreAdmin, Role.SystemAdmin], "Listing accounts");
        var scope = currentActor.Scope;
        var users = database.Users.AsNoTracking();
        if (!scope.Unrestricted)
        {
            var centre = scope.Centre;
            users = users.Where(user => user.Centre == centre);
        }

        return await UserViews.ReadAsync(database, users, cancellationToken);
    }
}
