using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Runtime;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Cases.TakeAction;

/// <summary>
/// Applies one transition for the caller: the case exists (404), the expected version is current
/// (409), then the runner's checks (action 404, role 403, state 409, payload 400, guards 422).
/// The timeline entry, clock operations, deadlines and outbox messages are written by the same
/// SaveChanges, in the command's transaction. A concurrent change fails the version check (409).
/// </summary>
public sealed class TakeActionHandler(CaseAccess access, CaseAudience audience, WorkflowActionRunner runner, WorkflowCatalog workflows, ICurrentActor currentActor)
    : IRequestHandler<TakeActionCommand, ActionTakenView>
{
    public async Task<ActionTakenView> Handle(TakeActionCommand command, CancellationToken cancellationToken)
    {
        // A case outside the caller's scope is not found, before any role is checked.
        var @case = await access.CaseToChangeAsync(command.CaseId, cancellationToken);
        @case.EnsureVersion(command.ExpectedVersion);
        // An action the state does not offer is left to the runner, which names where it can be taken.
        if (workflows.Get(@case.Workflow).TryGetTransition(@case.State.Name, command.Action, out var transition))
        {
            access.EnsureMayChange(@case, transition.Referral);
        }

        var recorded = await runner.TakeAsync(@case, command.Action, command.Payload, currentActor.Actor, currentActor.Require, cancellationToken);
        return new ActionTakenView(await audience.ViewAsync(@case, cancellationToken), await audience.EventAsync(recorded, cancellationToken));
    }
}
