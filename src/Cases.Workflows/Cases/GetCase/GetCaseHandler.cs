using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.GetCase;

public sealed class GetCaseHandler(CasesDbContext database) : IRequestHandler<GetCaseQuery, CaseView>
{
    public async Task<CaseView> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var @case = await database.Cases.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == query.CaseId, cancellationToken)
            ?? throw new NotFoundException("Case", query.CaseId.ToString());
        return CaseView.From(@case);
    }
}
