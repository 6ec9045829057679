using Cases.Domain.Access;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Cases.AddInternalNote;

public sealed class AddInternalNoteHandler(CaseAccess access, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<AddInternalNoteCommand, CaseEventView>
{
    public async Task<CaseEventView> Handle(AddInternalNoteCommand command, CancellationToken cancellationToken)
    {
        // Out of scope is not found, before the role check: a 403 would reveal that the case exists.
        var @case = await access.CaseToChangeAsync(command.CaseId, cancellationToken);
        currentActor.Require(StaffRoles.All, "Adding an internal note");
        access.EnsureMayChange(@case);
        @case.EnsureVersion(command.ExpectedVersion);
        @case.AddInternalNote(command.Text!, currentActor.Actor, time.GetUtcNow());
        var note = @case.RecordedEvents[^1];
        return new CaseEventView(note.Sequence, note.Type, note.OccurredAt, note.Actor, note.Reason, note.Data);
    }
}
