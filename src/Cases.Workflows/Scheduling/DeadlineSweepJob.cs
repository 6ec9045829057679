using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cases.Workflows.Scheduling;

/// <summary>
/// The safety net: every <see cref="DeadlineTimerOptions.SweepInterval"/> it takes effect on every
/// deadline due by now, catching any whose wake-up was never scheduled (the process died between
/// committing the deadline and scheduling it) or was lost. One at a time across the cluster, and a
/// missed turn is skipped rather than run late, so sweeps never pile up.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DeadlineSweepJob(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<DeadlineSweepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var processed = await DueDeadlineProcessing.ProcessInFreshScopeAsync(scopes, cancellationToken);
        if (processed.Reminded > 0 || processed.Expired > 0)
        {
            // Usually a wake-up handles these first, so when the sweep does, it is worth saying.
            LogCaughtUp(logger, timeProvider.GetUtcNow(), processed.Reminded, processed.Expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep at {Now:O} caught up on what no wake-up handled: {Reminded} reminders sent, {Expired} deadlines expired")]
    private static partial void LogCaughtUp(ILogger logger, DateTimeOffset now, int reminded, int expired);
}
