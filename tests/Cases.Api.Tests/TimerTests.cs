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
