using Cases.Domain.Access;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.ConflictsOfInterest.RecordConflictLink;

public sealed class RecordConflictLinkHandler(CasesDbContext database, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<RecordConflictLinkCommand, ConflictLinkView>
{
    public Task<ConflictLinkView> Handle(RecordConflictLinkCommand command, CancellationToken cancellationToken)
    {
        // Any centre's staff record what they learn of a neutral's links; an enterprise never does.
        currentActor.Require(StaffRoles.All, "Recording a conflict-of-interest link");
        var now = time.GetUtcNow();
        var link = new ConflictLink
        {
            Id = Guid.CreateVersion7(now),
            Person = command.Person!.Trim(),
            PartyName = command.PartyName!.Trim(),
            Relationship = command.Relationship!.Trim(),
            RecordedAt = now,
            RecordedBy = currentActor.Actor.Name,
        };
        database.ConflictLinks.Add(link);
        return Task.FromResult(new ConflictLinkView(link.Id, link.Person, link.PartyName, link.Relationship, link.RecordedAt, link.RecordedBy));
    }
}
