using Cases.Domain.Cases;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Cases.Workflows.WorkflowDefinitions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.ListAvailableActions;

public sealed class ListAvailableActionsHandler(CasesDbContext database, WorkflowCatalog workflows, ICurrentActor currentActor)
    : IRequestHandler<ListAvailableActionsQuery, AvailableActionsView>
{
    public async Task<AvailableActionsView> Handle(ListAvailableActionsQuery query, CancellationToken cancellationToken)
    {
        var caseId = query.CaseId.Value;
        var row = await database.CaseQueue
            .Where(candidate => candidate.Id == caseId)
            .Select(candidate => new { candidate.Number, candidate.State, candidate.WorkflowId, candidate.WorkflowVersion, candidate.Version })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Case", query.CaseId.ToString());

        var definition = workflows.Get(new WorkflowPin(row.WorkflowId, row.WorkflowVersion));
        definition.TryGetState(row.State, out var state);
        var actions = definition.TransitionsFrom(row.State)
            .Where(transition => transition.Roles.Any(currentActor.Roles.Contains))
            .Select(TransitionView.Of)
            .ToList();
        return new AvailableActionsView(caseId, row.Number, definition.ToString(), row.State, state?.ChineseName ?? row.State, row.Version, actions);
    }
}
