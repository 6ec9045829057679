using Cases.Domain.Access;
using Cases.Workflows.Access;
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
        return await UserViews.ReadAsync(database, database.Users.AsNoTracking().Where(user => user.EnterpriseId == enterpriseId), cancellationToken);
    }
}
