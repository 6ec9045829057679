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

        var rows = await users
            .OrderBy(user => user.UserName)
            .Select(user => new
            {
                user.Id,
                user.UserName,
                user.DisplayName,
                user.Centre,
                user.EnterpriseId,
                user.CreatedAt,
                user.LockoutEnd,
                Roles = database.UserRoles.Where(link => link.UserId == user.Id)
                    .Join(database.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new UserView(
                row.Id,
                row.UserName!,
                row.DisplayName,
                row.Roles.Select(Enum.Parse<Role>).Order().ToList(),
                row.Centre?.Value,
                row.EnterpriseId,
                row.CreatedAt,
                row.LockoutEnd))
            .ToList();
    }
}
