namespace Cases.Workflows.Pipeline;

/// <summary>
/// Takes part in every command's transaction (<see cref="TransactionBehaviour{TRequest,TResponse}"/>):
/// e.g. claiming an idempotency key before the work, or appending the audit entry of the change,
/// so that they commit, or roll back, with the change itself. Registered in the order they run.
/// </summary>
public interface ITransactionParticipant
{
    /// <summary>First thing inside the transaction, before the handler runs.</summary>
    Task BeginAsync(object command, CancellationToken cancellationToken);

    /// <summary>After the handler's changes are saved, before the commit.</summary>
    Task BeforeCommitAsync(object command, object? result, CancellationToken cancellationToken);
}
