using Cases.Workflows.Cases.ListAssignedCases;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Cases.GetAssignedCase;

public sealed class GetAssignedCaseHandler(AssignedCaseReader reader) : IRequestHandler<GetAssignedCaseQuery, AssignedCaseView>
{
    public async Task<AssignedCaseView> Handle(GetAssignedCaseQuery query, CancellationToken cancellationToken) =>
        (await reader.ReadAsync(query.CaseId, closedSince: null, limit: 1, cancellationToken)).SingleOrDefault()
        ?? throw new NotFoundException("Case", query.CaseId.ToString());
}
