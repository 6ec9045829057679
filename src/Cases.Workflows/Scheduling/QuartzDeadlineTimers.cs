using System.Collections.Concurrent;
using Cases.Workflows.Deadlines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cases.Workflows.Scheduling;

/// <summary>
/// Schedules one durable, clustered Quartz trigger per instant at which deadlines fall due. Day-based
/// deadlines all fall due at the same local midnight, so thousands of deadlines share one instant:
/// an instant this node has already scheduled costs a dictionary lookup, not a database round trip,
/// and one another node scheduled costs one refused insert. A failure to schedule is logged, not
/// thrown, because the deadline is already committed and the periodic sweep will find it.
/// </summary>
public sealed partial class QuartzDeadlineTimers(
    ISchedulerFactory schedulerFactory,
    TimeProvider timeProvider,
    IOptions<DeadlineTimerOptions> options,
    ILogger<QuartzDeadlineTimers> logger) : IDeadlineTimers
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(1);

    // The instants this node knows to have a trigger stored, by their whole second.
    private readonly ConcurrentDictionary<DateTimeOffset, byte> scheduled = new();
    private DateTimeOffset nextForgetting = DateTimeOffset.MinValue;

    /// <summary>How many instants this node remembers having scheduled (for tests and diagnostics).</summary>
    public int RememberedInstants => scheduled.Count;

    public async Task WakeAtAsync(IReadOnlyCollection<DateTimeOffset> instants, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        ForgetPastInstants(now);

        List<DateTimeOffset>? unknown = null;
        foreach (var second in instants.Select(DeadlineTimerKeys.WakeUpSecond).Distinct())
        {
            if (!scheduled.ContainsKey(second))
            {
                (unknown ??= []).Add(second);
            }
        }

        if (unknown is null)
        {
            return;
        }

        try
        {
            var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
            foreach (var second in unknown.Order())
            {
                await ScheduleAsync(scheduler, second, cancellationToken);
                scheduled.TryAdd(second, 0);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotScheduled(logger, exception, unknown.Count, unknown.Min());
        }
    }

    private async Task ScheduleAsync(IScheduler scheduler, DateTimeOffset second, CancellationToken cancellationToken)
    {
        // An instant already in the past fires at once: Quartz moves a never-fired one-shot trigger's start to now.
        var trigger = TriggerBuilder.Create(timeProvider)
            .WithIdentity(DeadlineTimerKeys.WakeUpTrigger(second))
            .ForJob(DeadlineTimerKeys.WakeUpJob)
            .StartAt(second)
            // Missed while every node was down: fire once as soon as a node is up again.
            .WithSimpleSchedule(schedule => schedule.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = false }, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node, or this one before it forgot, scheduled the same instant: one wake-up is all it needs.
        }
    }

    private void ForgetPastInstants(DateTimeOffset now)
    {
        // A past instant's trigger has fired or is about to; forgetting it only means that scheduling it
        // again costs a round trip. Checked once a minute so the common path stays a lookup.
        if (now < nextForgetting)
        {
            return;
        }

        nextForgetting = now + ForgetEvery;
        foreach (var second in scheduled.Keys)
        {
            if (second < now)
            {
                scheduled.TryRemove(second, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule deadline wake-ups for {Count} instants from {Earliest:O}; the periodic sweep will take effect on them instead")]
    private static partial void LogNotScheduled(ILogger logger, Exception exception, int count, DateTimeOffset earliest);
}
