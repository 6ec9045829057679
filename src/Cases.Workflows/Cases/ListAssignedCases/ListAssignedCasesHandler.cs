using MediatR;

namespace Cases.Workflows.Cases.ListAssignedCases;

public sealed class ListAssignedCasesHandler(AssignedCaseReader reader, TimeProvider time) : IRequestHandler<ListAssignedCasesQuery, AssignedCaseList>
{
    public async Task<AssignedCaseList> Handle(ListAssignedCasesQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cases = await reader.ReadAsync(only: null, closedSince: now - ListAssignedCasesQuery.RecentlyClosedWindow, ListAssignedCasesQuery.MaximumCount, cancellationToken);
        return new AssignedCaseList(now, cases);
    }
}
