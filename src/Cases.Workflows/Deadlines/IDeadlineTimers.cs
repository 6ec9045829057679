namespace Cases.Workflows.Deadlines;

/// <summary>
/// Durable wake-ups at the instants deadlines fall due. Called after the transaction that stored
/// the deadlines commits; a wake-up lost in between is caught by the periodic sweep.
/// </summary>
public interface IDeadlineTimers
{
    Task WakeAtAsync(IReadOnlyCollection<DateTimeOffset> instants, CancellationToken cancellationToken);
}
