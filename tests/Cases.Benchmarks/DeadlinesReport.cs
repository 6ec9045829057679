namespace Cases.Benchmarks;

/// <summary>The deadlines section of docs/benchmarks.md and its console summary.</summary>
internal static class DeadlinesReport
{
    private const double ArithmeticTarget = 1_000_000;

    public static List<string> Verdict(DeadlinesResult result)
    {
        var mass = result.Mass;
        var steady = result.Steady;
        var lines = new List<string>
        {
            $"Mass expiry: {N(mass.DueTogether)} of {N(mass.OpenDeadlines)} open deadlines due at one instant: the last took effect "
            + $"**{S(mass.LastEffectSeconds)} s** after it (first {S(mass.FirstEffectSeconds)} s), {N(mass.ExpiriesPerSecond)} expiries/s; "
            + $"{N(mass.Overdue)} overdue, {N(mass.MarkedOverdueChanges)} `MarkedOverdue` changes on {N(mass.DistinctDeadlinesChanged)} deadlines, "
            + $"{N(mass.OverdueNotices)} `DeadlineOverdue` notices for {N(mass.DistinctDeadlinesNotified)} deadlines; of the other {N(mass.OpenDeadlines - mass.DueTogether)}, "
            + $"{N(mass.OthersStillRunning)} still running untouched and {N(mass.OthersTouched)} changes or notices: "
            + (mass.Passed ? $"target (all within {mass.TargetSeconds} s, none lost or doubled) **met**." : $"target (all within {mass.TargetSeconds} s, none lost or doubled) **not met**."),
            $"Steady rate: {steady.PerSecond} deadlines due at each second for {steady.Seconds} s ({N(steady.Deadlines)}): {N(steady.TookEffect)} took effect, "
            + $"{N(steady.MarkedOverdueChanges)} changes on {N(steady.DistinctDeadlinesChanged)} deadlines, {N(steady.OverdueNotices)} notices for {N(steady.DistinctDeadlinesNotified)}; "
            + $"lateness (effect recorded − due) p50 **{Ms(steady.LatenessP50Milliseconds)} ms**, p99 **{Ms(steady.LatenessP99Milliseconds)} ms**, max {Ms(steady.LatenessMaxMilliseconds)} ms, min {Ms(steady.LatenessMinMilliseconds)} ms.",
            $"Deadline arithmetic, one thread: `ExpiryOf` **{N(result.Arithmetic.ExpiryOfPerSecond)}/s** ({result.Arithmetic.ExpiryOfBytesAllocatedPerComputation.ToString("0.##", CultureInfo.InvariantCulture)} bytes allocated each), "
            + $"`Compute` with its explanation **{N(result.Arithmetic.ComputePerSecond)}/s**: target ≥ 1,000,000/s "
            + (result.Arithmetic.ExpiryOfPerSecond >= ArithmeticTarget ? "**met**" : "**not met**") + " by `ExpiryOf`"
            + (result.Arithmetic.ComputePerSecond >= ArithmeticTarget ? " and by `Compute`." : ", not by `Compute`, which also writes the day-by-day explanation."),
        };
        if (result.ApiLog is { } apiLog)
        {
            lines.Add($"The API's log: {apiLog.WakeUps} wake-ups expired {N(apiLog.ExpiredByWakeUps)} deadlines, {apiLog.Sweeps} sweeps caught up on {N(apiLog.ExpiredBySweeps)}, "
                      + $"{apiLog.ProcessorErrors} processor errors.");
        }

        if (!result.Valid)
        {
            lines.Add("**Not a valid result**: not every deadline took effect exactly once through a wake-up.");
        }

        return lines;
    }

    public static string Section(DeadlinesResult result, RunDetails run)
    {
        var mass = result.Mass;
        var steady = result.Steady;
        var text = new StringBuilder();
        text.AppendLine("<!-- bench:deadlines:start -->");
        text.AppendLine("## deadlines: deadline timers (Quartz wake-ups, mass expiry, lateness) and deadline arithmetic");
        text.AppendLine();
        text.AppendLine($"- **Run**: {result.Timestamp} UTC, commit `{run.Commit}`, `{run.Command}`");
        text.AppendLine($"- **Machine**: {Report.Machine()}");
        text.AppendLine($"- **PostgreSQL**: {run.PostgresVersion}; {run.PostgresSettings}");
        text.AppendLine($"- **Timers**: `Cases:Timers:Parallelism` {(result.Parallelism is { } parallelism ? parallelism.ToString(CultureInfo.InvariantCulture) : $"default ({result.DefaultParallelism}, 2 per core)")}, "
                        + $"`ThreadCount` 4, `IdleWait` 30 s (defaults); `SweepInterval` {result.SweepInterval}, so that only the wake-ups act.");
        text.AppendLine("- **Targets** (issue 4): with 100,000 open deadlines, 10,000 falling due at the same instant all take effect within 60 s, none lost or");
        text.AppendLine("  doubled; lateness p50/p99 at a steady rate; deadline arithmetic ≥ 1,000,000 computations/s on one thread.");
        text.AppendLine();
        text.AppendLine("### Mass expiry");
        text.AppendLine();
        text.AppendLine("| open | due together | first effect s | last effect s | seen done s | expiries/s | overdue | changes (deadlines) | notices (deadlines) | others running | others touched | CPU API | CPU PostgreSQL | CPU harness | CPU kernel | CPU other | machine busy | result |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        text.AppendLine($"| {N(mass.OpenDeadlines)} | {N(mass.DueTogether)} | {S(mass.FirstEffectSeconds)} | {S(mass.LastEffectSeconds)} | {S(mass.ObservedAllDoneSeconds)} | {N(mass.ExpiriesPerSecond)} | {N(mass.Overdue)} | "
                        + $"{N(mass.MarkedOverdueChanges)} ({N(mass.DistinctDeadlinesChanged)}) | {N(mass.OverdueNotices)} ({N(mass.DistinctDeadlinesNotified)}) | {N(mass.OthersStillRunning)} | {N(mass.OthersTouched)} | "
                        + $"{Cores(mass.Cpu.Api)} | {Cores(mass.Cpu.Postgres)} | {Cores(mass.Cpu.LoadGenerator)} | {Cores(mass.Cpu.Kernel)} | {Cores(mass.Cpu.Other)} | {Cores(mass.Cpu.MachineBusy)} of {mass.Cpu.Cores} | {(mass.Passed ? "**pass**" : "**FAIL**")} (≤ {mass.TargetSeconds} s) |");
        text.AppendLine();
        text.AppendLine("### Steady rate: lateness");
        text.AppendLine();
        text.AppendLine("| per second | seconds | deadlines | took effect | changes (deadlines) | notices (deadlines) | p50 ms | p99 ms | max ms | min ms | CPU API | CPU PostgreSQL | machine busy |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine($"| {steady.PerSecond} | {steady.Seconds} | {N(steady.Deadlines)} | {N(steady.TookEffect)} | {N(steady.MarkedOverdueChanges)} ({N(steady.DistinctDeadlinesChanged)}) | "
                        + $"{N(steady.OverdueNotices)} ({N(steady.DistinctDeadlinesNotified)}) | {Ms(steady.LatenessP50Milliseconds)} | {Ms(steady.LatenessP99Milliseconds)} | {Ms(steady.LatenessMaxMilliseconds)} | {Ms(steady.LatenessMinMilliseconds)} | "
                        + $"{Cores(steady.Cpu.Api)} | {Cores(steady.Cpu.Postgres)} | {Cores(steady.Cpu.MachineBusy)} of {steady.Cpu.Cores} |");
        text.AppendLine();
        text.AppendLine("### Deadline arithmetic (one thread, Stopwatch)");
        text.AppendLine();
        text.AppendLine("| computation | per second | computations | allocated per computation |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine($"| `DeadlineArithmetic.ExpiryOf` | {N(result.Arithmetic.ExpiryOfPerSecond)} | {N(result.Arithmetic.ExpiryOfComputations)} | {result.Arithmetic.ExpiryOfBytesAllocatedPerComputation.ToString("0.##", CultureInfo.InvariantCulture)} bytes |");
        text.AppendLine($"| `DeadlineArithmetic.Compute` (with explanation) | {N(result.Arithmetic.ComputePerSecond)} | {N(result.Arithmetic.ComputeComputations)} | |");
        text.AppendLine();
        text.AppendLine("### Result");
        text.AppendLine();
        foreach (var line in Verdict(result))
        {
            text.AppendLine("- " + line);
        }

        text.AppendLine();
        text.AppendLine("How it is measured: `bench.sh` builds `src/Cases.Api` in Release, recreates the database `cases_bench` and starts the API");
        text.AppendLine("(`ASPNETCORE_ENVIRONMENT=Production`, logging at Warning except the scheduling jobs at Information, so that the log says what each");
        text.AppendLine("wake-up did; `Cases__Timers__SweepInterval` as above). Once `/healthz` answers and the API's Quartz node has checked in,");
        text.AppendLine("`Cases.Benchmarks deadlines` seeds in SQL, one case per deadline, running `MarkOverdue` deadlines as the domain stores them");
        text.AppendLine($"(seeding took {S(result.SeedSeconds)} s). Their wake-ups are scheduled through the application's own `IDeadlineTimers`");
        text.AppendLine("(`QuartzDeadlineTimers`, one durable clustered trigger per instant) from a host built with `AddCasesTimers` on the same database and");
        text.AppendLine("never started: a Quartz node that stores triggers and fires none, so the API's scheduler fires them, as another node's would.");
        text.AppendLine($"Each instant is at least {result.LeadSeconds} s away when scheduled, more than `IdleWait` (30 s), the longest the API's scheduler waits before");
        text.AppendLine("it looks at the store again for triggers another node stored. First 2,000 warm-up deadlines at one instant (not measured), then");
        text.AppendLine("the mass expiry: of the 100,000 open deadlines, 10,000 due at instant T and 90,000 over the following days. The harness polls");
        text.AppendLine("until none of the 10,000 is still running; *first* and *last effect* are the earliest and latest `occurred_at` of their");
        text.AppendLine("`MarkedOverdue` changes minus T, *seen done* when the poll saw the last one; expiries/s is 10,000 over the last effect. Then it");
        text.AppendLine("counts, per deadline, the status, the `MarkedOverdue` changes and the `DeadlineOverdue` outbox rows, and checks that the 90,000 are");
        text.AppendLine("still running at version 1 with no change or notice. CPU is averaged from T until all were done (*harness* includes its polling).");
        text.AppendLine("The steady rate is seeded and scheduled the same way after the mass expiry, at whole seconds (wake-ups round up to the whole");
        text.AppendLine("second), with the 90,000 still open; lateness is each deadline's `MarkedOverdue` `occurred_at` minus its `due_at`. The arithmetic is");
        text.AppendLine("`DeadlineArithmeticThroughput` (as `Cases.Benchmarks arithmetic`) in the same run, with the API idle. Raw results:");
        text.AppendLine("`tests/Cases.Benchmarks/bin/bench/results/deadlines.json`, the API's log next to it.");
        text.AppendLine("<!-- bench:deadlines:end -->");
        return text.ToString();
    }

    private static string N(double value) => double.IsNaN(value) ? "–" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Cores(double? value) => value is null ? "–" : value.Value.ToString("F2", CultureInfo.InvariantCulture);
}
