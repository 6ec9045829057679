using Cases.Domain.Access;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Enterprises.ListEnterpriseUsers;

public sealed class ListEnterpriseUsersHandler(KeyEnterpriseAccess access, CasesDbContext database, ICurrentActor currentActor)
    : IRequestHandler<ListEnterpriseUsersQuery, IReadOnlyList<UserView>>
{
    public async Task<IReadOnlyList<UserView>> Handle(ListEnterpriseUsersQuery query, CancellationToken cancellationToken)
    {
        // As for creating them: outside the caller's scope is not found, before the role check.
        var enterprise = await access.EnterpriseAsync(query.EnterpriseId, forChange: false, cancellationToken);
        currentActor.Require([Role.CentreAdmin, Role.SystemAdmin], "Listing an enterprise's users");
        var enterpriseId = enterprise.Id.Value;
        var rows = await database.Users.AsNoTracking()
            .Where(user => user.EnterpriseId == enterpriseId)
            .OrderBy(user => user.UserName)
            .Select(user => new
            {
                user.Id,
                user.UserName,
                user.DisplayName,
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
                null,
                enterpriseId,
                row.CreatedAt,
                row.LockoutEnd))
            .ToList();
    }
}
