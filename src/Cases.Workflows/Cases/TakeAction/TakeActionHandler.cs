using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Engine.Runtime;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.TakeAction;

/// <summary>
/// Applies one transition for the caller: the case exists (404), the expected version is current
/// (409), then the runner's checks (action 404, role 403, state 409, payload 400, guards 422).
/// The timeline entry, clock operations, deadlines and outbox messages are written by the same
/// SaveChanges, in the command's transaction. A concurrent change fails the version check (409).
/// </summary>
public sealed class TakeActionHandler(CasesDbContext database, WorkflowActionRunner runner, ICurrentActor currentActor)
    : IRequestHandler<TakeActionCommand, ActionTakenView>
{
    public async Task<ActionTakenView> Handle(TakeActionCommand command, CancellationToken cancellationToken)
    {
        var @case = await database.Cases.FirstOrDefaultAsync(candidate => candidate.Id == command.CaseId, cancellationToken)
            ?? throw new NotFoundException("Case", command.CaseId.ToString());
        @case.EnsureVersion(command.ExpectedVersion);

        var recorded = await runner.TakeAsync(@case, command.Action, command.Payload, currentActor.Actor, currentActor.Require, cancellationToken);
        return new ActionTakenView(
            CaseView.From(@case),
            new CaseEventView(recorded.Sequence, recorded.Type, recorded.OccurredAt, recorded.Actor, recorded.Reason, recorded.Data));
    }
}
