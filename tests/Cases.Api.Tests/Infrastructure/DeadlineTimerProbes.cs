using System.Collections.Concurrent;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Scheduling;
using Microsoft.Extensions.Logging;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Records the injected time of every run of the deadline processor, on every node of one test
/// database, so a count covers the whole cluster.
/// </summary>
public sealed class DeadlineProcessorRuns
{
    private readonly ConcurrentQueue<DateTimeOffset> runs = new();

    /// <summary>The injected time each run saw, in the order they ran.</summary>
    public IReadOnlyList<DateTimeOffset> Runs => runs.ToArray();

    public void Record(DateTimeOffset now) => runs.Enqueue(now);
}

/// <summary>The node's real deadline processor, with each run recorded in the shared <see cref="DeadlineProcessorRuns"/>.</summary>
public sealed class RecordingDueDeadlineProcessor(DueDeadlineProcessor processor, DeadlineProcessorRuns runs, TimeProvider clock) : IDueDeadlineProcessor
{
    public Task<DueDeadlinesProcessed> ProcessDueAsync(CancellationToken cancellationToken)
    {
        runs.Record(clock.GetUtcNow());
        return processor.ProcessDueAsync(cancellationToken);
    }
}

/// <summary>
/// Which wake-up each run of <see cref="DeadlineWakeUpJob"/> was for, read from the job's log
/// entry: the processor cannot tell, since what is due is the rows' business, not the trigger's.
/// </summary>
public sealed class WakeUpLog : ILoggerProvider
{
    private readonly ConcurrentQueue<DateTimeOffset> instants = new();

    /// <summary>The instant of every wake-up that ran, across every node logging here.</summary>
    public IReadOnlyList<DateTimeOffset> Instants => instants.ToArray();

    public int CountFor(DateTimeOffset instant) => Instants.Count(logged => logged == instant);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == typeof(DeadlineWakeUpJob).FullName ? new WakeUpLogger(instants) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class WakeUpLogger(ConcurrentQueue<DateTimeOffset> instants) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(value => value.Key == "Instant").Value is DateTimeOffset instant)
            {
                instants.Enqueue(instant);
            }
        }
    }
}
