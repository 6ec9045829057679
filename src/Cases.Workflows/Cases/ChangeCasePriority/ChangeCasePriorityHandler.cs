using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.ChangeCasePriority;

public sealed class ChangeCasePriorityHandler(CasesDbContext database, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<ChangeCasePriorityCommand, CaseView>
{
    public async Task<CaseView> Handle(ChangeCasePriorityCommand command, CancellationToken cancellationToken)
    {
        var @case = await database.Cases.FirstOrDefaultAsync(candidate => candidate.Id == command.CaseId, cancellationToken)
            ?? throw new NotFoundException("Case", command.CaseId.ToString());
        @case.EnsureVersion(command.ExpectedVersion);
        @case.ChangePriority(command.Priority!.Value, command.Reason!, currentActor.Actor, time.GetUtcNow());
        return CaseView.From(@case);
    }
}
