using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Enterprises.ListKeyEnterprises;

public sealed class ListKeyEnterprisesHandler(KeyEnterpriseAccess access) : IRequestHandler<ListKeyEnterprisesQuery, IReadOnlyList<KeyEnterpriseView>>
{
    public async Task<IReadOnlyList<KeyEnterpriseView>> Handle(ListKeyEnterprisesQuery query, CancellationToken cancellationToken)
    {
        var enterprises = await access.Visible().AsNoTracking()
            .OrderBy(enterprise => enterprise.Centre).ThenBy(enterprise => enterprise.Name).ThenBy(enterprise => enterprise.Id)
            .ToListAsync(cancellationToken);
        return [.. enterprises.Select(KeyEnterpriseView.From)];
    }
}
