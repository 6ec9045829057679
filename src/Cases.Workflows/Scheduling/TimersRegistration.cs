using System.Data.Common;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace Cases.Workflows.Scheduling;

public static class TimersRegistration
{
    /// <summary>The key of the timers' own connection pool in the container.</summary>
    public const string DataSourceKey = "Cases.Timers";

    /// <summary>
    /// Durable deadline timers (ADR 0011): Quartz on its clustered ADO.NET store in our PostgreSQL
    /// database, on the container's <see cref="TimeProvider"/>, with the wake-up job, the periodic
    /// sweep and <see cref="IDeadlineTimers"/>. Settings come from <c>Cases:Timers</c>, read when
    /// the scheduler is built, so every configuration source (tests' included) has its say. The
    /// scheduler starts after the application has started, and so after migrations
    /// (<see cref="DeadlineTimerService"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCasesTimers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeadlineTimerOptions>().BindConfiguration(DeadlineTimerOptions.SectionName);

        // A pool of its own, sized to the scheduler, so timers never wait behind requests for a
        // connection nor requests behind timers; the container disposes it with the host.
        services.AddKeyedSingleton<DbDataSource>(DataSourceKey, (provider, _) =>
        {
            var timers = provider.GetRequiredService<IOptions<DeadlineTimerOptions>>().Value;
            var settings = new NpgsqlConnectionStringBuilder(CasesDataSource.Tuned(WorkflowsRegistration.ConnectionString(provider.GetRequiredService<IConfiguration>())))
            {
                // The job threads, the scheduling loop, the misfire handler and the cluster check-in.
                MaxPoolSize = timers.ThreadCount + 3,
                ApplicationName = "Cases timers",
            };
            return NpgsqlDataSource.Create(settings.ConnectionString);
        });

        services.AddQuartz(quartz =>
        {
            // No UseTimeProvider: Quartz takes the container's TimeProvider, which is the one
            // registered here (the system clock) or the one tests replace it with.
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "Cases";
                // A trigger within a second of the first in a batch rides along; the wake-up job waits out the difference.
                scheduler.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromSeconds(1);
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(dataSource => dataSource.DataSourceServiceKey = DataSourceKey);
                store.UseClustering();
                store.UseSystemTextJsonSerializer();
            });

            quartz.AddJob<DeadlineWakeUpJob>(job => job.WithIdentity(DeadlineTimerKeys.WakeUpJob).StoreDurably()
                .WithDescription("Takes effect on the deadlines due when one of its one-shot triggers fires"));
            quartz.AddJob<DeadlineSweepJob>(job => job.WithIdentity(DeadlineTimerKeys.SweepJob).StoreDurably()
                .WithDescription("Takes effect on every deadline due, as a safety net behind the wake-ups"));
            quartz.AddTrigger((provider, trigger) =>
            {
                var interval = provider.GetRequiredService<IOptions<DeadlineTimerOptions>>().Value.SweepInterval;
                var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
                trigger.WithIdentity(DeadlineTimerKeys.SweepTrigger)
                    .ForJob(DeadlineTimerKeys.SweepJob)
                    .StartAt(now + interval)
                    // A sweep missed while every node was down is not made up for: the next one covers the same ground.
                    .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
            });
        });

        // The settings that tests shorten, applied after Quartz's own so they win.
        services.AddOptions<QuartzSchedulerOptions>().Configure<IOptions<DeadlineTimerOptions>>((scheduler, timers) =>
        {
            scheduler.IdleWaitTime = timers.Value.IdleWait;
            // One round trip acquires every trigger due together (midnight's wake-ups of several
            // calendars), as many as there are threads: Quartz refuses to acquire more than it can run.
            scheduler.MaxBatchSize = timers.Value.ThreadCount;
        });
        services.AddOptions<ThreadPoolOptions>().Configure<IOptions<DeadlineTimerOptions>>((threads, timers) =>
            threads.MaxConcurrency = timers.Value.ThreadCount);
        services.AddOptions<ClusteringOptions>().Configure<IOptions<DeadlineTimerOptions>>((clustering, timers) =>
        {
            clustering.CheckinInterval = timers.Value.ClusterCheckinInterval;
            clustering.CheckinMisfireThreshold = timers.Value.ClusterCheckinMisfireThreshold;
        });
        services.AddOptions<AdoJobStoreOptions>().Configure<IOptions<DeadlineTimerOptions>>((store, timers) =>
            store.MisfireThreshold = timers.Value.MisfireThreshold);
        services.AddHostedService<DeadlineTimerService>();

        services.AddSingleton<QuartzDeadlineTimers>();
        services.AddSingleton<IDeadlineTimers>(provider => provider.GetRequiredService<QuartzDeadlineTimers>());
        return builder;
    }
}
