using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Centres.ListCentres;

public sealed class ListCentresHandler(CasesDbContext database) : IRequestHandler<ListCentresQuery, IReadOnlyList<CentreView>>
{
    public async Task<IReadOnlyList<CentreView>> Handle(ListCentresQuery query, CancellationToken cancellationToken)
    {
        var centres = await database.Centres.AsNoTracking().OrderBy(centre => centre.Code).ToListAsync(cancellationToken);
        return centres.Select(CentreView.From).ToList();
    }
}
