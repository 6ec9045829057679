using Cases.Domain.Cases;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Engine.Catalog;

/// <summary>
/// Run at start-up after migrations: every workflow version a stored case is pinned to, and every
/// state such a case is in, must exist in the catalog. Removing a version (or a state) that cases
/// still use would strand them, so the application refuses to start and names them.
/// </summary>
public sealed class PinnedWorkflowCheck(IServiceScopeFactory scopes, WorkflowCatalog workflows)
{
    public async Task EnsureEveryCaseHasItsWorkflowAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var inUse = await database.CaseQueue
            .GroupBy(row => new { row.WorkflowId, row.WorkflowVersion, row.State })
            .Select(group => new { group.Key.WorkflowId, group.Key.WorkflowVersion, group.Key.State, Cases = group.Count() })
            .ToListAsync(cancellationToken);

        var problems = inUse
            .Select(entry => workflows.TryGet(new WorkflowPin(entry.WorkflowId, entry.WorkflowVersion), out var definition)
                ? definition.TryGetState(entry.State, out _)
                    ? null
                    : $"{entry.Cases} case(s) are in state '{entry.State}', which {definition} does not have."
                : $"{entry.Cases} case(s) are pinned to {entry.WorkflowId} v{entry.WorkflowVersion}, which is not registered; keep that version registered or migrate the cases.")
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidWorkflowDefinitionException("catalog", problems);
        }
    }
}
