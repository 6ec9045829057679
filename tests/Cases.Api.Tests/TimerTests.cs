using System.Diagnostics;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// A database whose nodes poll Quartz's tables every second, so timer tests need not wait long.
/// Only timer tests use it: every other host keeps the production intervals.
/// </summary>
public class TimerApi : CasesApi
{
    protected override bool RegisterCentres => false;

    public override IReadOnlyDictionary<string, string> Settings { get; } = TimerSettings(sweepInterval: TimeSpan.FromDays(1));

    protected static Dictionary<string, string> TimerSettings(TimeSpan sweepInterval) => new()
    {
        ["Cases:Timers:IdleWait"] = "00:00:01",
        ["Cases:Timers:ClusterCheckinInterval"] = "00:00:02",
        // The tests move the clock by hours at a time; no node may look dead to the others for that.
        ["Cases:Timers:ClusterCheckinMisfireThreshold"] = "10.00:00:00",
        ["Cases:Timers:MisfireThreshold"] = "00:00:02",
        ["Cases:Timers:SweepInterval"] = sweepInterval.ToString("c"),
    };

    public IDeadlineTimers Timers => Services.GetRequiredService<IDeadlineTimers>();

    /// <summary>The wake-up triggers stored now, by name.</summary>
    public async Task<List<string>> WakeUpTriggersAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = @group AND trigger_name LIKE 'wake-up-%' ORDER BY trigger_name", connection);
        command.Parameters.AddWithValue("group", DeadlineTimerKeys.Group);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Deletes every stored wake-up trigger, as if the process had died after committing its
    /// deadlines and before scheduling their wake-ups: only the sweep can find them now.
    /// </summary>
    public async Task LoseWakeUpsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM qrtz_simple_triggers WHERE trigger_group = @group AND trigger_name LIKE 'wake-up-%';
            DELETE FROM qrtz_triggers WHERE trigger_group = @group AND trigger_name LIKE 'wake-up-%';
            """, connection);
        command.Parameters.AddWithValue("group", DeadlineTimerKeys.Group);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits, in real time, until the condition holds; fails the test after the timeout.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"after {seconds} s still not: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Long enough, in real time, for a node polling every second to have fired anything it was going to fire.</summary>
    public static Task QuietAsync() => Task.Delay(TimeSpan.FromSeconds(3));
}

public sealed class SweepingTimerApi : TimerApi
{
    public override IReadOnlyDictionary<string, string> Settings { get; } = TimerSettings(sweepInterval: TimeSpan.FromMinutes(1));
}

public sealed class TimerWakeUpTests(TimerApi api) : IClassFixture<TimerApi>
{
    [Fact]
    public async Task A_wake_up_fires_once_when_the_injected_time_reaches_its_instant_and_not_before()
    {
        var instant = CasesApi.DefaultNow.AddHours(3);
        await api.Timers.WakeAtAsync([instant], CancellationToken.None);
        Assert.Equal(["wake-up-20260302T043000Z"], await api.WakeUpTriggersAsync());

        api.Clock.Set(instant.AddSeconds(-5));
        await TimerApi.QuietAsync();
        Assert.Empty(api.DeadlineProcessor.Runs);

        api.Clock.Set(instant.AddSeconds(1));
        await TimerApi.EventuallyAsync(() => api.WakeUps.CountFor(instant) > 0, "the wake-up ran");
        await TimerApi.QuietAsync();

        Assert.Equal(1, api.WakeUps.CountFor(instant));
        Assert.Equal([instant.AddSeconds(1)], api.DeadlineProcessor.Runs);
        Assert.Empty(await api.WakeUpTriggersAsync());
    }
}

public sealed class TimerRestartTests(TimerApi api) : IClassFixture<TimerApi>
{
    [Fact]
    public async Task A_wake_up_due_while_every_node_was_down_fires_once_when_a_node_starts_again()
    {
        var instant = CasesApi.DefaultNow.AddHours(2);
        await using (var before = new SecondNode(api))
        {
            await before.Services.GetRequiredService<IDeadlineTimers>().WakeAtAsync([instant], CancellationToken.None);
        }

        Assert.Single(await api.WakeUpTriggersAsync());
        // Well past the misfire threshold: the trigger was missed, not merely late.
        api.Clock.Set(instant.AddMinutes(30));

        await using var after = new SecondNode(api);
        _ = after.Services;
        await TimerApi.EventuallyAsync(() => api.WakeUps.CountFor(instant) > 0, "the missed wake-up ran after the restart");
        await TimerApi.QuietAsync();

        Assert.Equal(1, api.WakeUps.CountFor(instant));
        Assert.Equal([instant.AddMinutes(30)], api.DeadlineProcessor.Runs);
        Assert.Empty(await api.WakeUpTriggersAsync());
    }
}

public sealed class TimerClusterTests(TimerApi api) : IClassFixture<TimerApi>
{
    [Fact]
    public async Task Twenty_wake_ups_on_two_nodes_each_fire_exactly_once_in_the_cluster()
    {
        var instants = Enumerable.Range(1, 20).Select(minute => CasesApi.DefaultNow.AddHours(1).AddMinutes(minute)).ToList();
        await using var other = new SecondNode(api);
        var timersOfOther = other.Services.GetRequiredService<IDeadlineTimers>();
        // Each node schedules half, and both schedule the last few: the same instant twice is still one trigger.
        await api.Timers.WakeAtAsync(instants[..12], CancellationToken.None);
        await timersOfOther.WakeAtAsync(instants[8..], CancellationToken.None);
        Assert.Equal(20, (await api.WakeUpTriggersAsync()).Count);

        api.Clock.Set(instants[^1].AddMinutes(5));
        await TimerApi.EventuallyAsync(() => api.WakeUps.Instants.Distinct().Count() == 20, "every wake-up ran", seconds: 60);
        await TimerApi.QuietAsync();

        Assert.All(instants, instant => Assert.Equal(1, api.WakeUps.CountFor(instant)));
        Assert.Equal(20, api.WakeUps.Instants.Count);
        Assert.Equal(20, api.DeadlineProcessor.Runs.Count);
        Assert.Empty(await api.WakeUpTriggersAsync());
    }
}

public sealed class TimerSweepTests(SweepingTimerApi api) : IClassFixture<SweepingTimerApi>
{
    [Fact]
    public async Task The_sweep_runs_every_interval_of_injected_time_with_no_wake_up_scheduled_and_skips_turns_missed_rather_than_piling_up()
    {
        _ = api.Services;
        await TimerApi.QuietAsync();
        Assert.Empty(api.DeadlineProcessor.Runs);

        api.Clock.Set(CasesApi.DefaultNow.AddSeconds(61));
        await TimerApi.EventuallyAsync(() => api.DeadlineProcessor.Runs.Count == 1, "the first sweep ran");
        api.Clock.Set(CasesApi.DefaultNow.AddSeconds(121));
        await TimerApi.EventuallyAsync(() => api.DeadlineProcessor.Runs.Count == 2, "the second sweep ran");

        // Ten turns missed at once (every node down, say): none of them is made up for...
        api.Clock.Set(CasesApi.DefaultNow.AddMinutes(12).AddSeconds(30));
        await TimerApi.QuietAsync();
        Assert.Equal(2, api.DeadlineProcessor.Runs.Count);
        // ...and the next turn runs once.
        api.Clock.Set(CasesApi.DefaultNow.AddMinutes(13).AddSeconds(1));
        await TimerApi.EventuallyAsync(() => api.DeadlineProcessor.Runs.Count == 3, "the sweep after the missed turns ran");
        await TimerApi.QuietAsync();

        Assert.Equal(
            [CasesApi.DefaultNow.AddSeconds(61), CasesApi.DefaultNow.AddSeconds(121), CasesApi.DefaultNow.AddMinutes(13).AddSeconds(1)],
            api.DeadlineProcessor.Runs);
        Assert.Empty(api.WakeUps.Instants);
    }
}

public sealed class TimerDeduplicationTests(TimerApi api) : IClassFixture<TimerApi>
{
    [Fact]
    public async Task A_thousand_deadlines_due_in_the_same_second_make_one_trigger_and_another_node_scheduling_it_adds_none()
    {
        var midnight = new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero);
        // Within the second before midnight, as a computation with milliseconds might give: all round up to midnight.
        var instants = Enumerable.Range(0, 1000).Select(milliseconds => midnight.AddMilliseconds(-milliseconds)).ToList();

        await api.Timers.WakeAtAsync(instants, CancellationToken.None);

        Assert.Equal(["wake-up-20260309T160000Z"], await api.WakeUpTriggersAsync());

        // Another node, which has not seen it, is refused by the store and takes that as done.
        await using var other = new SecondNode(api);
        await other.Services.GetRequiredService<IDeadlineTimers>().WakeAtAsync([midnight, midnight.AddDays(1)], CancellationToken.None);

        Assert.Equal(["wake-up-20260309T160000Z", "wake-up-20260310T160000Z"], await api.WakeUpTriggersAsync());
    }
}
