using Cases.Domain.Access;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Cases.ChangeCasePriority;

public sealed class ChangeCasePriorityHandler(CaseAccess access, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<ChangeCasePriorityCommand, CaseView>
{
    public async Task<CaseView> Handle(ChangeCasePriorityCommand command, CancellationToken cancellationToken)
    {
        // Out of scope is not found, before the role check: a 403 would reveal that the case exists.
        var @case = await access.CaseToChangeAsync(command.CaseId, cancellationToken);
        currentActor.Require(StaffRoles.Triage, "Changing a case's priority");
        access.EnsureMayChange(@case);
        @case.EnsureVersion(command.ExpectedVersion);
        @case.ChangePriority(command.Priority!.Value, command.Reason!, currentActor.Actor, time.GetUtcNow());
        return CaseView.From(@case);
    }
}
