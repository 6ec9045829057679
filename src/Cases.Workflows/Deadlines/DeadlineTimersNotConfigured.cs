namespace Cases.Workflows.Deadlines;

/// <summary>Placeholder until the durable timers are registered: the sweep alone acts on deadlines.</summary>
internal sealed class DeadlineTimersNotConfigured : IDeadlineTimers
{
    public Task WakeAtAsync(IReadOnlyCollection<DateTimeOffset> instants, CancellationToken cancellationToken) => Task.CompletedTask;
}
