using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars;

namespace Cases.Benchmarks;

/// <summary>Computations per second of the deadline arithmetic, single-threaded, and what the fast path allocates.</summary>
public sealed record ArithmeticThroughputResult(
    double ExpiryOfPerSecond,
    long ExpiryOfComputations,
    double ExpiryOfBytesAllocatedPerComputation,
    double ComputePerSecond,
    long ComputeComputations,
    TimeSpan DurationEach);

/// <summary>
/// A Stopwatch harness for <see cref="DeadlineArithmetic"/>: a realistic mix (each calendar kind;
/// 5 working days, 15 days, 3 months, 24 hours; starts spread over 2024–2026 at varied hours) run
/// on one thread after a warm-up, first <see cref="DeadlineArithmetic.ExpiryOf"/> and then
/// <see cref="DeadlineArithmetic.Compute"/> with its explanation.
/// </summary>
public static class DeadlineArithmeticThroughput
{
    private const int MixSize = 4096;

    public static ArithmeticThroughputResult Measure(TimeSpan duration)
    {
        var calendars = ShippedCalendars.Build();
        var mix = Mix(calendars);

        // Warm-up: let tiered compilation reach its optimised code.
        Run(mix, TimeSpan.FromMilliseconds(Math.Min(1000, duration.TotalMilliseconds / 2)), explain: false);
        Run(mix, TimeSpan.FromMilliseconds(Math.Min(500, duration.TotalMilliseconds / 4)), explain: true);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var (expiryCount, expiryElapsed) = Run(mix, duration, explain: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var (computeCount, computeElapsed) = Run(mix, duration, explain: true);
        return new ArithmeticThroughputResult(
            expiryCount / expiryElapsed.TotalSeconds,
            expiryCount,
            (double)allocated / expiryCount,
            computeCount / computeElapsed.TotalSeconds,
            computeCount,
            duration);
    }

    private static (long Count, TimeSpan Elapsed) Run(Job[] mix, TimeSpan duration, bool explain)
    {
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        long checksum = 0;
        var index = 0;
        while (stopwatch.Elapsed < duration)
        {
            // Check the clock every 1024 computations, so reading it costs next to nothing.
            for (var i = 0; i < 1024; i++)
            {
                var job = mix[index];
                index = (index + 1) & (MixSize - 1);
                checksum += explain
                    ? DeadlineArithmetic.Compute(job.Calendar, job.Start, job.Period).ExpiresAt.UtcTicks
                    : DeadlineArithmetic.ExpiryOf(job.Calendar, job.Start, job.Period).UtcTicks;
            }

            count += 1024;
        }

        var elapsed = stopwatch.Elapsed;
        GC.KeepAlive(checksum);
        return (count, elapsed);
    }

    private static Job[] Mix(IReadOnlyDictionary<RegionCalendarKind, WorkingCalendar> calendars)
    {
        Period[] periods = [new(5, PeriodUnit.WorkingDays), new(15, PeriodUnit.Days), new(3, PeriodUnit.Months), new(24, PeriodUnit.Hours)];
        var kinds = Enum.GetValues<RegionCalendarKind>();
        var random = new Random(20260302);
        var first = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        // Starts up to the end of September 2026, so a 3-month period still ends in a loaded year.
        var span = (int)(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.FromHours(8)) - first).TotalMinutes;
        var mix = new Job[MixSize];
        for (var i = 0; i < MixSize; i++)
        {
            mix[i] = new Job(calendars[kinds[i % kinds.Length]], first.AddMinutes(random.Next(span)), periods[(i / kinds.Length) % periods.Length]);
        }

        return mix;
    }

    private sealed record Job(WorkingCalendar Calendar, DateTimeOffset Start, Period Period);
}
