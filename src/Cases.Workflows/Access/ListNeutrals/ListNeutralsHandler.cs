using Cases.Domain.Access;
using Cases.Workflows.Cases;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Access.ListNeutrals;

public sealed class ListNeutralsHandler(CasesDbContext database, CaseAccess access, ICurrentActor currentActor)
    : IRequestHandler<ListNeutralsQuery, IReadOnlyList<NeutralView>>
{
    public async Task<IReadOnlyList<NeutralView>> Handle(ListNeutralsQuery query, CancellationToken cancellationToken)
    {
        currentActor.Require(ListNeutralsQuery.AllowedRoles, "Listing a centre's mediators and arbitrators");
        var centre = query.Centre!.Value;
        // Another centre's people do not exist for its staff, as its cases do not.
        access.EnsureCentreInScope(centre);
        string[] roleNames = [.. (query.Role is { } role ? [role] : ListNeutralsQuery.NeutralRoles).Select(wanted => wanted.ToString())];
        var rows = await database.Users.AsNoTracking()
            .Where(user => user.Centre == centre
                && database.UserRoles.Any(link => link.UserId == user.Id && database.Roles.Any(role => role.Id == link.RoleId && roleNames.Contains(role.Name!))))
            .OrderBy(user => user.DisplayName).ThenBy(user => user.UserName)
            .Select(user => new
            {
                user.Id,
                UserName = user.UserName!,
                user.DisplayName,
                Roles = database.UserRoles.Where(link => link.UserId == user.Id)
                    .Join(database.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                    .Where(name => roleNames.Contains(name))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new NeutralView(row.Id, row.DisplayName, row.UserName, [.. row.Roles.Select(Enum.Parse<Role>).Order()]))];
    }
}
