using System.Globalization;
using Quartz;

namespace Cases.Workflows.Scheduling;

/// <summary>The names the deadline jobs and triggers have in Quartz's tables.</summary>
public static class DeadlineTimerKeys
{
    public const string Group = "deadlines";

    public static readonly JobKey WakeUpJob = new("deadline-wake-up", Group);

    public static readonly JobKey SweepJob = new("deadline-sweep", Group);

    public static readonly TriggerKey SweepTrigger = new("deadline-sweep", Group);

    private const string WakeUpPrefix = "wake-up-";

    /// <summary>One trigger per instant, named after it (e.g. <c>wake-up-20260309T160000Z</c>), so every node scheduling the same instant names the same trigger.</summary>
    public static TriggerKey WakeUpTrigger(DateTimeOffset instant) =>
        new(WakeUpPrefix + instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), Group);

    /// <summary>
    /// The whole second a wake-up for <paramref name="instant"/> fires at: the instant itself, or the
    /// next whole second, so a wake-up never comes before what it wakes the system up for.
    /// </summary>
    public static DateTimeOffset WakeUpSecond(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var intoSecond = utc.Ticks % TimeSpan.TicksPerSecond;
        return intoSecond == 0 ? utc : utc.AddTicks(TimeSpan.TicksPerSecond - intoSecond);
    }
}
