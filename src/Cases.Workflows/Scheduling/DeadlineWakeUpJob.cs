using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cases.Workflows.Scheduling;

/// <summary>
/// Fired by a one-shot trigger at an instant deadlines fall due (one trigger per instant, see
/// <see cref="QuartzDeadlineTimers"/>): takes effect on every deadline due by now. The deadline
/// rows, not this job, say what is due, so a wake-up that fires twice or late changes nothing twice.
/// </summary>
public sealed partial class DeadlineWakeUpJob(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<DeadlineWakeUpJob> logger) : IJob
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var scheduledFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // Batch acquisition may hand a trigger over slightly ahead of its instant, and Quartz fires a
        // trigger up to a few milliseconds early; what is due is judged by the injected clock, so wait
        // for the instant rather than find nothing due yet. Timers count whole milliseconds and may
        // return a fraction of one early, so wait again until the clock has really reached it: a
        // wake-up that ran early would leave its deadlines to the next wake-up or the sweep.
        for (var early = scheduledFor - timeProvider.GetUtcNow(); early > TimeSpan.Zero; early = scheduledFor - timeProvider.GetUtcNow())
        {
            await Task.Delay(early < MinimumWait ? MinimumWait : early, timeProvider, cancellationToken);
        }

        var processed = await DueDeadlineProcessing.ProcessInFreshScopeAsync(scopes, cancellationToken);
        LogWokenUp(logger, scheduledFor, timeProvider.GetUtcNow(), processed.Reminded, processed.Expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline wake-up for {Instant:O} ran at {Now:O}: {Reminded} reminders sent, {Expired} deadlines expired")]
    private static partial void LogWokenUp(ILogger logger, DateTimeOffset instant, DateTimeOffset now, int reminded, int expired);
}
