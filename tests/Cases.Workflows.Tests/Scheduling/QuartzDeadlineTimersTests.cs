using System.Diagnostics;
using System.Reflection;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Xunit.Abstractions;

namespace Cases.Workflows.Tests.Scheduling;

public sealed class QuartzDeadlineTimersTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 3, 9, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Instants_in_the_same_second_make_one_trigger_named_after_it_and_a_known_instant_never_reaches_the_scheduler()
    {
        var scheduler = new RecordingScheduler();
        var timers = Timers(scheduler);

        await timers.WakeAtAsync(Enumerable.Range(0, 1000).Select(milliseconds => Midnight.AddMilliseconds(-milliseconds)).ToList(), CancellationToken.None);
        var watch = Stopwatch.StartNew();
        for (var call = 0; call < 10_000; call++)
        {
            await timers.WakeAtAsync([Midnight], CancellationToken.None);
        }

        watch.Stop();
        output.WriteLine($"WakeAtAsync with a known instant: {watch.Elapsed.TotalMicroseconds / 10_000:F2} µs per call");

        var trigger = Assert.Single(scheduler.Scheduled);
        Assert.Equal(new TriggerKey("wake-up-20260309T160000Z", "deadlines"), trigger.Key);
        Assert.Equal(DeadlineTimerKeys.WakeUpJob, trigger.JobKey);
        Assert.Equal(Midnight, trigger.StartTimeUtc);
        Assert.Equal(SimpleTriggerMisfireInstruction.FireNow, Assert.IsAssignableFrom<ISimpleTrigger>(trigger).MisfireInstruction);
        Assert.Equal(1, scheduler.SchedulerRequests);
    }

    [Fact]
    public async Task An_instant_already_stored_by_another_node_counts_as_scheduled()
    {
        var scheduler = new RecordingScheduler { Refuse = key => new ObjectAlreadyExistsException($"{key} exists") };
        var timers = Timers(scheduler);

        await timers.WakeAtAsync([Midnight], CancellationToken.None);
        await timers.WakeAtAsync([Midnight], CancellationToken.None);

        Assert.Equal(1, scheduler.Attempts);
        Assert.Equal(1, timers.RememberedInstants);
    }

    [Fact]
    public async Task An_unreachable_store_is_logged_not_thrown_and_the_instant_is_tried_again_next_time()
    {
        var scheduler = new RecordingScheduler { Refuse = _ => new SchedulerException("connection refused") };
        var timers = Timers(scheduler);

        await timers.WakeAtAsync([Midnight], CancellationToken.None);
        await timers.WakeAtAsync([Midnight], CancellationToken.None);

        Assert.Equal(2, scheduler.Attempts);
        Assert.Equal(0, timers.RememberedInstants);
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var scheduler = new RecordingScheduler { Refuse = _ => new OperationCanceledException(cancelled.Token) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Timers(scheduler).WakeAtAsync([Midnight], cancelled.Token));
    }

    [Fact]
    public async Task Past_instants_are_forgotten_so_memory_holds_only_what_is_still_to_come()
    {
        var clock = new SettableClock(Now);
        var scheduler = new RecordingScheduler();
        var timers = Timers(scheduler, clock);
        await timers.WakeAtAsync([Now.AddMinutes(1), Now.AddDays(1)], CancellationToken.None);

        clock.Now = Now.AddMinutes(5);
        await timers.WakeAtAsync([Now.AddDays(1)], CancellationToken.None);

        Assert.Equal(1, timers.RememberedInstants);
        Assert.Equal(2, scheduler.Attempts);
    }

    [Fact]
    public async Task Timers_turned_off_schedule_nothing()
    {
        var scheduler = new RecordingScheduler();

        await Timers(scheduler, enabled: false).WakeAtAsync([Midnight], CancellationToken.None);

        Assert.Equal(0, scheduler.SchedulerRequests);
    }

    [Theory]
    [InlineData("2026-03-09T16:00:00.0000000+00:00", "2026-03-09T16:00:00.0000000+00:00")]
    [InlineData("2026-03-09T15:59:59.0010000+00:00", "2026-03-09T16:00:00.0000000+00:00")]
    [InlineData("2026-03-10T00:00:00.0000000+08:00", "2026-03-09T16:00:00.0000000+00:00")]
    public void A_wake_up_comes_at_the_instant_or_the_next_whole_second_never_before(string instant, string wakeUp)
    {
        Assert.Equal(DateTimeOffset.Parse(wakeUp, System.Globalization.CultureInfo.InvariantCulture),
            DeadlineTimerKeys.WakeUpSecond(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_timer_firing_with_no_deadline_processor_registered_fails_saying_so()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DueDeadlineProcessing.ProcessInFreshScopeAsync(services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None));

        Assert.Contains($"No {nameof(IDueDeadlineProcessor)} is registered", failure.Message, StringComparison.Ordinal);
    }

    private static QuartzDeadlineTimers Timers(RecordingScheduler scheduler, TimeProvider? clock = null, bool enabled = true) =>
        new(scheduler.Factory, clock ?? new SettableClock(Now), Options.Create(new DeadlineTimerOptions { Enabled = enabled }), NullLogger<QuartzDeadlineTimers>.Instance);

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>An <see cref="IScheduler"/> that records the triggers it is asked to schedule; any other member fails the test.</summary>
    private sealed class RecordingScheduler
    {
        public List<ITrigger> Scheduled { get; } = [];

        public int Attempts { get; private set; }

        public int SchedulerRequests { get; private set; }

        public Func<TriggerKey, Exception>? Refuse { get; init; }

        public ISchedulerFactory Factory
        {
            get
            {
                var factory = DispatchProxy.Create<ISchedulerFactory, Proxy>();
                ((Proxy)(object)factory).Handle = (method, arguments) =>
                {
                    Assert.Equal(nameof(ISchedulerFactory.GetScheduler), method.Name);
                    SchedulerRequests++;
                    return ValueTask.FromResult(Scheduler());
                };
                return factory;
            }
        }

        private IScheduler Scheduler()
        {
            var scheduler = DispatchProxy.Create<IScheduler, Proxy>();
            ((Proxy)(object)scheduler).Handle = (method, arguments) =>
            {
                Assert.Equal(nameof(IScheduler.ScheduleJob), method.Name);
                var trigger = (ITrigger)arguments![0]!;
                Attempts++;
                if (Refuse is not null)
                {
                    throw Refuse(trigger.Key);
                }

                Scheduled.Add(trigger);
                return ValueTask.FromResult(trigger.StartTimeUtc);
            };
            return scheduler;
        }
    }

    public class Proxy : DispatchProxy
    {
        public Func<MethodInfo, object?[]?, object?> Handle { get; set; } = (method, _) => throw new InvalidOperationException(method.Name);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Handle(targetMethod!, args);
    }
}
