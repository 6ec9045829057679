using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cases.Workflows.Scheduling;

/// <summary>
/// Starts this node's scheduler once the application has started (so after migrations), and shuts
/// it down with the host, waiting for running jobs. Quartz's own hosted service builds the scheduler
/// inside the host's start, and building it needs the database, so a node started while PostgreSQL
/// is down would not start at all; this one keeps trying instead, and the node serves (and says it
/// is unhealthy) meanwhile. Deadlines due in the meantime are caught by the sweep and by the
/// wake-ups' fire-now misfire rule once the scheduler runs.
/// </summary>
public sealed partial class DeadlineTimerService(
    ISchedulerFactory schedulerFactory,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    IOptions<DeadlineTimerOptions> options,
    ILogger<DeadlineTimerService> logger) : BackgroundService
{
    private IScheduler? started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger, DeadlineTimerOptions.SectionName);
            return;
        }

        if (!await ApplicationStartedAsync(stoppingToken))
        {
            return;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var scheduler = await schedulerFactory.GetScheduler(stoppingToken);
                await scheduler.Start(stoppingToken);
                started = scheduler;
                LogStarted(logger, scheduler.SchedulerInstanceId);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogNotStarted(logger, exception, attempt, options.Value.IdleWait);
                await Task.Delay(options.Value.IdleWait, timeProvider, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (started is not null)
        {
            await started.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private async Task<bool> ApplicationStartedAsync(CancellationToken stoppingToken)
    {
        var applicationStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => applicationStarted.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => applicationStarted.TrySetCanceled(stoppingToken));
        try
        {
            await applicationStarted.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline timers are off ({Section}:Enabled is false): no wake-up or sweep runs on this node")]
    private static partial void LogDisabled(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline timers started as cluster node {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline timers could not start (attempt {Attempt}); trying again in {RetryIn}")]
    private static partial void LogNotStarted(ILogger logger, Exception exception, int attempt, TimeSpan retryIn);
}
