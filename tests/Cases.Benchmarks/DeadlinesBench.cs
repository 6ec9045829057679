using System.Net;
using System.Text.RegularExpressions;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cases.Benchmarks;

internal sealed record DeadlinesOptions(
    Uri BaseUrl,
    string ConnectionString,
    int OpenDeadlines,
    int DueTogether,
    int WarmupDeadlines,
    int SteadyPerSecond,
    int SteadySeconds,
    int LeadSeconds,
    int TargetSeconds,
    int TimeoutSeconds,
    int ArithmeticSeconds,
    string SweepInterval,
    int? Parallelism,
    string? ApiLog,
    int? ApiProcessId,
    int? PostgresProcessId);

/// <summary>The mass expiry: <see cref="DueTogether"/> of <see cref="OpenDeadlines"/> open deadlines due at one instant.</summary>
internal sealed record MassExpiryResult(
    int OpenDeadlines,
    int DueTogether,
    DateTimeOffset DueAt,
    double FirstEffectSeconds,
    double LastEffectSeconds,
    double ObservedAllDoneSeconds,
    double ExpiriesPerSecond,
    long Overdue,
    long MarkedOverdueChanges,
    long DistinctDeadlinesChanged,
    long OverdueNotices,
    long DistinctDeadlinesNotified,
    long OthersStillRunning,
    long OthersTouched,
    int TargetSeconds,
    bool Complete,
    bool Passed,
    CpuCores Cpu);

/// <summary>Deadlines falling due at a steady rate, one instant per second; lateness = effect recorded − due.</summary>
internal sealed record SteadyRateResult(
    int PerSecond,
    int Seconds,
    long Deadlines,
    long TookEffect,
    long MarkedOverdueChanges,
    long DistinctDeadlinesChanged,
    long OverdueNotices,
    long DistinctDeadlinesNotified,
    double LatenessP50Milliseconds,
    double LatenessP99Milliseconds,
    double LatenessMaxMilliseconds,
    double LatenessMinMilliseconds,
    bool Complete,
    CpuCores Cpu);

internal sealed record WakeUpLog(int WakeUps, long ExpiredByWakeUps, int Sweeps, long ExpiredBySweeps, int ProcessorErrors);

internal sealed record DeadlinesResult(
    string Timestamp,
    int? Parallelism,
    int DefaultParallelism,
    string SweepInterval,
    int LeadSeconds,
    double SeedSeconds,
    MassExpiryResult Mass,
    SteadyRateResult Steady,
    ArithmeticThroughputResult Arithmetic,
    WakeUpLog? ApiLog)
{
    public bool Valid => Mass.Complete && Mass.Overdue == Mass.DueTogether
                         && Mass.MarkedOverdueChanges == Mass.DueTogether && Mass.DistinctDeadlinesChanged == Mass.DueTogether
                         && Mass.OverdueNotices == Mass.DueTogether && Mass.DistinctDeadlinesNotified == Mass.DueTogether
                         && Mass.OthersStillRunning == Mass.OpenDeadlines - Mass.DueTogether && Mass.OthersTouched == 0
                         && Steady.Complete && Steady.TookEffect == Steady.Deadlines
                         && Steady.MarkedOverdueChanges == Steady.Deadlines && Steady.DistinctDeadlinesChanged == Steady.Deadlines
                         && Steady.OverdueNotices == Steady.Deadlines && Steady.DistinctDeadlinesNotified == Steady.Deadlines
                         && (ApiLog is null || (ApiLog.ExpiredBySweeps == 0 && ApiLog.ProcessorErrors == 0));
}

/// <summary>
/// ./cases bench deadlines: the deadline timers of a real API process, end to end. Deadlines are seeded straight into the
/// bench database (cases and deadline rows as the domain stores them); their wake-ups are scheduled through the real
/// <see cref="IDeadlineTimers"/> (<see cref="QuartzDeadlineTimers"/>) of a host built here on the same Quartz store and never
/// started, so this process is a cluster node that schedules and never fires: the API's scheduler fires the wake-ups, and its
/// <see cref="DueDeadlineProcessor"/> takes effect. Everything is counted from the database afterwards.
/// </summary>
internal sealed partial class DeadlinesBench(DeadlinesOptions options, TextWriter log)
{
    private const string Name = "deadlines";

    // Deadline n (from 0) has id 00000000-0000-4000-8000-<n in 12 digits>, its case 00000000-0000-4000-9000-<n>.
    private const string SeedSql = """
        WITH seeded AS (
            SELECT n,
                   ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid AS case_id,
                   ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid AS deadline_id,
                   (ARRAY['FJ','JX','HN','GD','GX','HI','SC','GZ','YN','HK','MO'])[n % 11 + 1] AS centre,
                   $3::timestamptz + (((n - $1) / $4) * $5) * interval '1 second' AS due_at
            FROM generate_series($1::int, $2::int - 1) AS n
        ), cases_inserted AS (
            INSERT INTO cases (id, number, centre_code, kind, state, title, summary, priority, external_reference, filed_at, filed_by,
                               updated_at, version, search_text, workflow_id, workflow_version, handling_centre_code, referred_to_centre_code, facts)
            SELECT case_id, centre || '-2025-' || lpad(n::text, 7, '0'), centre, 'RightsDefence', 'Investigation', 'Deadline bench case', '',
                   false, NULL, due_at - interval '30 days', 'bench', due_at - interval '30 days', 1,
                   'deadline bench case', 'rights-defence', 1, centre, NULL, '{}'::jsonb
            FROM seeded
            RETURNING id
        )
        INSERT INTO deadlines (id, case_id, workflow_id, clock, centre_code, handling_centre_code, region, unit, amount, on_expiry,
                               source, started_at, status, last_day, due_at, explanation, version)
        SELECT deadline_id, case_id, 'rights-defence', 'HandlingDecision', centre, centre, centre, 'Days', 30, 'MarkOverdue',
               'Deadline bench', due_at - interval '30 days', 'Running', (due_at AT TIME ZONE 'Asia/Shanghai')::date, due_at, '[]'::jsonb, 1
        FROM seeded
        WHERE EXISTS (SELECT 1 FROM cases_inserted)
        """;

    public async Task<DeadlinesResult> RunAsync(CancellationToken cancellationToken)
    {
        var defaultParallelism = 2 * Environment.ProcessorCount; // DueDeadlineProcessor's default, on the API's machine (the same one)
        await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        await WaitForApiAsync(dataSource, cancellationToken);
        await ExecuteAsync(dataSource, """
            INSERT INTO protection_centres (code, region, name, created_at)
            SELECT r, r, r || ' 知识产权保护中心', now() FROM unnest(ARRAY['FJ','JX','HN','GD','GX','HI','SC','GZ','YN','HK','MO']) AS r
            ON CONFLICT DO NOTHING
            """, cancellationToken);

        using var schedulingHost = SchedulingHost();
        var timers = schedulingHost.Services.GetRequiredService<IDeadlineTimers>();

        // Rows: [0, warm-up) the warm-up, then the due-together block, then the rest of the open deadlines, then the steady ones.
        var warmupEnd = options.WarmupDeadlines;
        var massEnd = warmupEnd + options.DueTogether;
        var openEnd = warmupEnd + options.OpenDeadlines;
        var steadyEnd = openEnd + options.SteadyPerSecond * options.SteadySeconds;

        // The instants: the warm-up wake-up after the lead (a wake-up scheduled on another node is seen at the API scheduler's next
        // look at the store, at most Cases:Timers:IdleWait later), then T, after the warm-up has had time to finish.
        var seedWatch = Stopwatch.StartNew();
        var warmupAt = WholeSecond(DateTimeOffset.UtcNow.AddSeconds(options.LeadSeconds + 30));
        var dueAt = warmupAt.AddSeconds(25);
        var farAt = dueAt.AddDays(3);
        log.WriteLine($"{Name}: seeding {options.OpenDeadlines:N0} open deadlines ({options.DueTogether:N0} due at {dueAt:O}, the rest from {farAt:O}) and {options.WarmupDeadlines:N0} warm-up ones due at {warmupAt:O} ...");
        await SeedAsync(dataSource, 0, warmupEnd, warmupAt, options.WarmupDeadlines, 0, cancellationToken);
        await SeedAsync(dataSource, warmupEnd, massEnd, dueAt, options.DueTogether, 0, cancellationToken);
        // The others: due over the following days, 1,000 per instant a minute apart, as day-based deadlines and hours would be.
        await SeedAsync(dataSource, massEnd, openEnd, farAt, 1000, 60, cancellationToken);
        await ExecuteAsync(dataSource, "VACUUM ANALYZE deadlines", cancellationToken);
        await ExecuteAsync(dataSource, "ANALYZE cases", cancellationToken);
        var seedSeconds = seedWatch.Elapsed.TotalSeconds;
        log.WriteLine($"{Name}: seeded in {seedSeconds:F1} s; scheduling the wake-ups through Quartz ...");

        // As the API does after committing deadlines: hand their instants to the timers (the far ones too).
        var farInstants = Enumerable.Range(0, (options.OpenDeadlines - options.DueTogether + 999) / 1000).Select(i => farAt.AddMinutes(i)).ToList();
        await timers.WakeAtAsync([warmupAt, dueAt, .. farInstants], cancellationToken);
        await RequireTriggersAsync(dataSource, [warmupAt, dueAt], cancellationToken);
        if (DateTimeOffset.UtcNow > warmupAt.AddSeconds(-options.LeadSeconds + 5))
        {
            throw new BenchmarkFailedException($"seeding took too long ({seedSeconds:F0} s): the warm-up instant is less than the lead away");
        }

        log.WriteLine($"{Name}: warm-up: {options.WarmupDeadlines:N0} deadlines due at {warmupAt:O} ...");
        await WaitUntilDoneAsync(dataSource, warmupAt, 0, warmupEnd, options.TimeoutSeconds, cancellationToken);

        log.WriteLine($"{Name}: mass expiry: {options.DueTogether:N0} of {options.OpenDeadlines:N0} open deadlines due at {dueAt:O} (target: all within {options.TargetSeconds} s) ...");
        await DelayUntilAsync(dueAt, cancellationToken);
        var massCpu = CpuTracker.Start(options.ApiProcessId, options.PostgresProcessId, Environment.ProcessId);
        var (complete, observed) = await WaitUntilDoneAsync(dataSource, dueAt, warmupEnd, massEnd, options.TimeoutSeconds, cancellationToken);
        var massCores = await massCpu.StopAsync();
        await massCpu.DisposeAsync();
        await Task.Delay(2000, cancellationToken); // anything late (a double) would show up in the counts
        var mass = await MassResultAsync(dataSource, dueAt, warmupEnd, massEnd, openEnd, complete, observed, massCores, cancellationToken);
        log.WriteLine($"{Name}: mass expiry: {(mass.Complete ? "all" : "NOT all")} {mass.Overdue:N0} overdue, last effect {mass.LastEffectSeconds:F2} s after the instant "
                      + $"(first {mass.FirstEffectSeconds:F2} s), {mass.ExpiriesPerSecond:N0} expiries/s; changes {mass.MarkedOverdueChanges:N0} "
                      + $"({mass.DistinctDeadlinesChanged:N0} deadlines), notices {mass.OverdueNotices:N0} ({mass.DistinctDeadlinesNotified:N0} deadlines), "
                      + $"others running {mass.OthersStillRunning:N0}, touched {mass.OthersTouched:N0}: {(mass.Passed ? "PASS" : "FAIL")}");

        // Steady rate: SteadyPerSecond deadlines at each whole second for SteadySeconds.
        var steadyStart = WholeSecond(DateTimeOffset.UtcNow.AddSeconds(options.LeadSeconds + 10));
        await SeedAsync(dataSource, openEnd, steadyEnd, steadyStart, options.SteadyPerSecond, 1, cancellationToken);
        var steadyInstants = Enumerable.Range(0, options.SteadySeconds).Select(i => steadyStart.AddSeconds(i)).ToList();
        await timers.WakeAtAsync(steadyInstants, cancellationToken);
        await RequireTriggersAsync(dataSource, steadyInstants, cancellationToken);
        var steadyEndAt = steadyInstants[^1];
        log.WriteLine($"{Name}: steady rate: {options.SteadyPerSecond} deadlines due at each second from {steadyStart:O} to {steadyEndAt:O} ...");
        await DelayUntilAsync(steadyStart, cancellationToken);
        var steadyCpu = CpuTracker.Start(options.ApiProcessId, options.PostgresProcessId, Environment.ProcessId);
        await DelayUntilAsync(steadyEndAt, cancellationToken);
        var (steadyComplete, _) = await WaitUntilDoneAsync(dataSource, steadyEndAt, openEnd, steadyEnd, options.TimeoutSeconds, cancellationToken);
        var steadyCores = await steadyCpu.StopAsync();
        await steadyCpu.DisposeAsync();
        await Task.Delay(2000, cancellationToken);
        var steady = await SteadyResultAsync(dataSource, openEnd, steadyEnd, steadyComplete, steadyCores, cancellationToken);
        log.WriteLine($"{Name}: steady rate: {steady.TookEffect:N0} of {steady.Deadlines:N0} took effect; lateness p50 {steady.LatenessP50Milliseconds:F1} ms, "
                      + $"p99 {steady.LatenessP99Milliseconds:F1} ms, max {steady.LatenessMaxMilliseconds:F1} ms");

        log.WriteLine($"{Name}: deadline arithmetic, single-threaded, {options.ArithmeticSeconds} s each ...");
        var arithmetic = DeadlineArithmeticThroughput.Measure(TimeSpan.FromSeconds(options.ArithmeticSeconds));
        log.WriteLine($"{Name}: ExpiryOf {arithmetic.ExpiryOfPerSecond:N0}/s, Compute with explanation {arithmetic.ComputePerSecond:N0}/s");

        return new DeadlinesResult(
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), options.Parallelism, defaultParallelism, options.SweepInterval,
            options.LeadSeconds, Math.Round(seedSeconds, 1), mass, steady, arithmetic, ReadApiLog());
    }

    /// <summary>
    /// A host with the application's own timer registration on the bench database, built and never started: its Quartz
    /// scheduler stores triggers in the clustered store and never fires them (firing is the API node's job).
    /// </summary>
    private IHost SchedulingHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Cases.Workflows.WorkflowsRegistration.ConnectionStringKey] = options.ConnectionString,
            // The sweep trigger is stored again by every node that builds its scheduler: keep the API's interval.
            [DeadlineTimerOptions.SectionName + ":" + nameof(DeadlineTimerOptions.SweepInterval)] = options.SweepInterval,
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCasesTimers();
        return builder.Build();
    }

    private async Task WaitForApiAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTimeOffset.UtcNow.AddSeconds(120);
        var last = "no answer yet";
        while (DateTimeOffset.UtcNow < until)
        {
            if (options.ApiProcessId is { } processId && !Directory.Exists("/proc/" + processId.ToString(CultureInfo.InvariantCulture)))
            {
                throw new BenchmarkFailedException($"the API process {processId} exited (last: {last})");
            }

            try
            {
                using var response = await http.GetAsync("/healthz", cancellationToken);
                // Healthy, and its scheduler has checked in to the cluster: the node is up and fires wake-ups.
                if (response.StatusCode == HttpStatusCode.OK
                    && await ScalarAsync(dataSource, "SELECT count(*) FROM qrtz_scheduler_state", cancellationToken) > 0)
                {
                    return;
                }

                last = "HTTP " + (int)response.StatusCode + ", scheduler not checked in";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or PostgresException && !cancellationToken.IsCancellationRequested)
            {
                last = exception.GetType().Name + ": " + exception.Message;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new BenchmarkFailedException($"the API did not become healthy with its scheduler running within 120 s (last: {last})");
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource, int from, int to, DateTimeOffset firstDue, int perInstant, int secondsApart, CancellationToken cancellationToken)
    {
        const int Chunk = 20_000;
        for (var start = from; start < to; start += Chunk)
        {
            var end = Math.Min(to, start + Chunk);
            // Each chunk's due times continue the sequence from `from`.
            await using var command = dataSource.CreateCommand(SeedSql);
            command.CommandTimeout = 300;
            command.Parameters.Add(new NpgsqlParameter { Value = start });
            command.Parameters.Add(new NpgsqlParameter { Value = end });
            command.Parameters.Add(new NpgsqlParameter { Value = firstDue.AddSeconds((start - from) / perInstant * (double)secondsApart) });
            command.Parameters.Add(new NpgsqlParameter { Value = perInstant });
            command.Parameters.Add(new NpgsqlParameter { Value = secondsApart });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task RequireTriggersAsync(NpgsqlDataSource dataSource, IReadOnlyList<DateTimeOffset> instants, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = $1 AND trigger_name = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = DeadlineTimerKeys.Group });
        command.Parameters.Add(new NpgsqlParameter { Value = instants.Select(instant => DeadlineTimerKeys.WakeUpTrigger(instant).Name).ToArray() });
        var found = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (found != instants.Count)
        {
            throw new BenchmarkFailedException($"IDeadlineTimers.WakeAtAsync stored {found} of {instants.Count} wake-up triggers (see the warnings above)");
        }
    }

    /// <summary>Polls until no deadline of [from, to) due by <paramref name="dueBy"/> is still running; seconds from dueBy when seen.</summary>
    private static async Task<(bool Complete, double ObservedSeconds)> WaitUntilDoneAsync(
        NpgsqlDataSource dataSource, DateTimeOffset dueBy, int from, int to, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var until = dueBy.AddSeconds(timeoutSeconds);
        while (true)
        {
            // The deadlines' ids are in [from, to) in uuid order, so a range selects them.
            await using var command = dataSource.CreateCommand(
                "SELECT count(*) FROM deadlines WHERE status = 'Running' AND due_at <= $1 AND id >= $2 AND id < $3");
            command.Parameters.Add(new NpgsqlParameter { Value = dueBy });
            AddRange(command, from, to);
            var running = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            var now = DateTimeOffset.UtcNow;
            if (running == 0)
            {
                return (true, (now - dueBy).TotalSeconds);
            }

            if (now > until)
            {
                return (false, (now - dueBy).TotalSeconds);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<MassExpiryResult> MassResultAsync(NpgsqlDataSource dataSource, DateTimeOffset dueAt, int from, int to, int openEnd,
        bool complete, double observed, CpuCores cpu, CancellationToken cancellationToken)
    {
        var mass = await CountsAsync(dataSource, from, to, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM deadlines WHERE id >= $1 AND id < $2 AND status = 'Running' AND version = 1),
                   (SELECT count(*) FROM deadline_changes WHERE deadline_id >= $1 AND deadline_id < $2)
                 + (SELECT count(*) FROM outbox_messages WHERE type LIKE 'Deadline%' AND (payload->>'deadlineId')::uuid >= $1 AND (payload->>'deadlineId')::uuid < $2)
            """);
        AddRange(command, to, openEnd);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var stillRunning = reader.GetInt64(0);
        var touched = reader.GetInt64(1);
        var first = mass.FirstEffect is { } firstAt ? (firstAt - dueAt).TotalSeconds : double.NaN;
        var last = mass.LastEffect is { } lastAt ? (lastAt - dueAt).TotalSeconds : double.NaN;
        var passed = complete && mass.TookEffect == options.DueTogether && mass.Changes == options.DueTogether && mass.DistinctChanged == options.DueTogether
                     && mass.Notices == options.DueTogether && mass.DistinctNotified == options.DueTogether
                     && stillRunning == openEnd - to && touched == 0 && last <= options.TargetSeconds;
        return new MassExpiryResult(options.OpenDeadlines, options.DueTogether, dueAt, Math.Round(first, 3), Math.Round(last, 3), Math.Round(observed, 2),
            Math.Round(mass.TookEffect / Math.Max(last, 0.001)), mass.TookEffect, mass.Changes, mass.DistinctChanged, mass.Notices, mass.DistinctNotified,
            stillRunning, touched, options.TargetSeconds, complete, passed, cpu);
    }

    private async Task<SteadyRateResult> SteadyResultAsync(NpgsqlDataSource dataSource, int from, int to, bool complete, CpuCores cpu, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(dataSource, from, to, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY lateness), percentile_disc(0.99) WITHIN GROUP (ORDER BY lateness),
                   max(lateness), min(lateness)
            FROM (SELECT extract(epoch FROM c.occurred_at - d.due_at) * 1000 AS lateness
                  FROM deadline_changes c JOIN deadlines d ON d.id = c.deadline_id
                  WHERE c.deadline_id >= $1 AND c.deadline_id < $2 AND c.kind = 'MarkedOverdue') AS effects
            """);
        AddRange(command, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        double Read(int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : Math.Round(Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture), 1);
        return new SteadyRateResult(options.SteadyPerSecond, options.SteadySeconds, to - from, counts.TookEffect, counts.Changes, counts.DistinctChanged,
            counts.Notices, counts.DistinctNotified, Read(0), Read(1), Read(2), Read(3), complete, cpu);
    }

    private sealed record Counts(long TookEffect, long Changes, long DistinctChanged, long Notices, long DistinctNotified, DateTimeOffset? FirstEffect, DateTimeOffset? LastEffect);

    private static async Task<Counts> CountsAsync(NpgsqlDataSource dataSource, int from, int to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM deadlines WHERE id >= $1 AND id < $2 AND status = 'Overdue'),
                   c.changes, c.distinct_changed, o.notices, o.distinct_notified, c.first_effect, c.last_effect
            FROM (SELECT count(*) AS changes, count(DISTINCT deadline_id) AS distinct_changed, min(occurred_at) AS first_effect, max(occurred_at) AS last_effect
                  FROM deadline_changes WHERE deadline_id >= $1 AND deadline_id < $2 AND kind = 'MarkedOverdue') AS c,
                 (SELECT count(*) AS notices, count(DISTINCT payload->>'deadlineId') AS distinct_notified
                  FROM outbox_messages WHERE type = 'DeadlineOverdue' AND (payload->>'deadlineId')::uuid >= $1 AND (payload->>'deadlineId')::uuid < $2) AS o
            """);
        AddRange(command, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
    }

    /// <summary>Deadline n's id; the digits sort as the uuid's bytes, so ids [from, to) are a uuid range.</summary>
    private static Guid Id(int n) => Guid.Parse("00000000-0000-4000-8000-" + n.ToString("D12", CultureInfo.InvariantCulture));

    private static void AddRange(NpgsqlCommand command, int from, int to)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = Id(from) });
        command.Parameters.Add(new NpgsqlParameter { Value = Id(to) });
    }

    /// <summary>What the API's log says the wake-ups and sweeps did (the bench runs it with the scheduling jobs' logging at Information).</summary>
    private WakeUpLog? ReadApiLog()
    {
        if (options.ApiLog is null || !File.Exists(options.ApiLog))
        {
            return null;
        }

        var text = File.ReadAllText(options.ApiLog);
        var wakeUps = WakeUpLine().Matches(text);
        var sweeps = SweepLine().Matches(text);
        return new WakeUpLog(
            wakeUps.Count,
            wakeUps.Sum(match => long.Parse(match.Groups["expired"].Value, CultureInfo.InvariantCulture)),
            sweeps.Count,
            sweeps.Sum(match => long.Parse(match.Groups["expired"].Value, CultureInfo.InvariantCulture)),
            Regex.Matches(text, "could not take effect").Count);
    }

    [GeneratedRegex(@"Deadline wake-up for \S+ ran at \S+: \d+ reminders sent, (?<expired>\d+) deadlines expired")]
    private static partial Regex WakeUpLine();

    [GeneratedRegex(@"Deadline sweep at \S+ caught up on what no wake-up handled: \d+ reminders sent, (?<expired>\d+) deadlines expired")]
    private static partial Regex SweepLine();

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task DelayUntilAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var wait = instant - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset instant) => DeadlineTimerKeys.WakeUpSecond(instant);
}
