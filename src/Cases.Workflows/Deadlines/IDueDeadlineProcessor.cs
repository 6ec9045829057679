namespace Cases.Workflows.Deadlines;

/// <summary>
/// Takes effect on every deadline whose reminder or expiry is due at the injected time: finds the
/// due ids and sends one idempotent command each. Called by the timer job when a wake-up fires and
/// by the periodic sweep; running it twice, or on two nodes at once, changes nothing twice.
/// </summary>
public interface IDueDeadlineProcessor
{
    Task<DueDeadlinesProcessed> ProcessDueAsync(CancellationToken cancellationToken);
}

/// <summary>How many reminders were sent and deadlines expired by one run.</summary>
public sealed record DueDeadlinesProcessed(int Reminded, int Expired);
