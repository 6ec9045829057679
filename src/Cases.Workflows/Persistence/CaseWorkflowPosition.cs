using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Persistence;

/// <summary>Where a case stands in its workflow, read without loading the aggregate: for queries that only need that.</summary>
public sealed record CaseWorkflowPosition(string Number, string State, WorkflowPin Workflow, int Version)
{
    /// <exception cref="NotFoundException">No such case.</exception>
    public static async Task<CaseWorkflowPosition> OfAsync(CasesDbContext database, CaseId caseId, CancellationToken cancellationToken)
    {
        var id = caseId.Value;
        var row = await database.CaseQueue
            .Where(candidate => candidate.Id == id)
            .Select(candidate => new { candidate.Number, candidate.State, candidate.WorkflowId, candidate.WorkflowVersion, candidate.Version })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Case", caseId.ToString());
        return new CaseWorkflowPosition(row.Number, row.State, new WorkflowPin(row.WorkflowId, row.WorkflowVersion), row.Version);
    }
}
