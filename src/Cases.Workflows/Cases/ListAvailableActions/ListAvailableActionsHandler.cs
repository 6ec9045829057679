using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Pipeline;
using Cases.Workflows.WorkflowDefinitions;
using MediatR;

namespace Cases.Workflows.Cases.ListAvailableActions;

public sealed class ListAvailableActionsHandler(CaseAccess access, WorkflowCatalog workflows, ICurrentActor currentActor)
    : IRequestHandler<ListAvailableActionsQuery, AvailableActionsView>
{
    public async Task<AvailableActionsView> Handle(ListAvailableActionsQuery query, CancellationToken cancellationToken)
    {
        var position = await access.PositionAsync(query.CaseId, cancellationToken);
        var definition = workflows.Get(position.Workflow);
        definition.TryGetState(position.State, out var state);
        var actions = definition.TransitionsFrom(position.State)
            .Where(transition => transition.Roles.Any(currentActor.Roles.Contains))
            .Select(TransitionView.Of)
            .ToList();
        return new AvailableActionsView(query.CaseId.Value, position.Number, definition.ToString(), position.State, state?.ChineseName ?? position.State, position.Version, actions)
        {
            Pin = new WorkflowPinView(definition.Id, definition.Version),
        };
    }
}
