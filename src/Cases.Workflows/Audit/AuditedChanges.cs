using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Audit;

/// <summary>
/// Appends one <see cref="AuditKind.Change"/> entry per command, inside the command's transaction
/// and after its changes are saved: the entry commits with the change or rolls back with it, and
/// the audit log's lock is held only from here to the commit.
/// </summary>
public sealed class AuditedChanges(IAuditTrail audit, ICurrentActor currentActor, IRequestOrigin origin) : ITransactionParticipant
{
    public Task BeginAsync(object command, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task BeforeCommitAsync(object command, object? result, CancellationToken cancellationToken)
    {
        if (AuditSubjects.ChangedNothing(result))
        {
            return;
        }

        var subject = AuditSubjects.SubjectOf(command, result);
        await audit.AppendAsync(
            new AuditRecord(
                AuditKind.Change,
                AuditSubjects.ActorOf(command, currentActor).Name,
                currentActor.UserId,
                origin.SourceAddress,
                subject,
                AuditSubjects.SummaryOf(command, subject)),
            cancellationToken);
    }
}
