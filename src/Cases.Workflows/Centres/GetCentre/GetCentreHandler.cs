using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Centres.GetCentre;

public sealed class GetCentreHandler(CasesDbContext database) : IRequestHandler<GetCentreQuery, CentreView>
{
    public async Task<CentreView> Handle(GetCentreQuery query, CancellationToken cancellationToken)
    {
        var centre = await database.Centres.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Code == query.Code, cancellationToken)
            ?? throw new NotFoundException("Centre", query.Code.ToString());
        return CentreView.From(centre);
    }
}
