using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Cases.Workflows.WorkflowDefinitions;
using MediatR;

namespace Cases.Workflows.Cases.ListAvailableActions;

public sealed class ListAvailableActionsHandler(CasesDbContext database, WorkflowCatalog workflows, ICurrentActor currentActor)
    : IRequestHandler<ListAvailableActionsQuery, AvailableActionsView>
{
    public async Task<AvailableActionsView> Handle(ListAvailableActionsQuery query, CancellationToken cancellationToken)
    {
        var position = await CaseWorkflowPosition.OfAsync(database, query.CaseId, cancellationToken);
        var definition = workflows.Get(position.Workflow);
        definition.TryGetState(position.State, out var state);
        var actions = definition.TransitionsFrom(position.State)
            .Where(transition => transition.Roles.Any(currentActor.Roles.Contains))
            .Select(TransitionView.Of)
            .ToList();
        return new AvailableActionsView(query.CaseId.Value, position.Number, definition.ToString(), position.State, state?.ChineseName ?? position.State, position.Version, actions);
    }
}
