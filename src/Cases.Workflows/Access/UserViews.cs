using Cases.Domain.Access;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Access;

/// <summary>Accounts as they are listed: one query for the users chosen and their roles, ordered by user name.</summary>
public static class UserViews
{
    public static async Task<IReadOnlyList<UserView>> ReadAsync(CasesDbContext database, IQueryable<CasesUser> users, CancellationToken cancellationToken)
    {
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
