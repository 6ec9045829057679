using System.Runtime.InteropServices;

namespace Cases.Benchmarks;

internal sealed record RunInfo(string Commit, string PostgresVersion, string PostgresSettings, string Command);

internal sealed record Target(double MinThroughput, double MaxP99Ms, int AtClients, double ReferencePgBenchTps);

/// <summary>Writes the intake section of docs/benchmarks.md and the console summary.</summary>
internal static class Report
{
    public static readonly Target IntakeTarget = new(MinThroughput: 1500, MaxP99Ms: 50, AtClients: 64, ReferencePgBenchTps: 6500);

    private const string DocHeader =
        """
        # Benchmarks

        Measured with `./cases bench <name>` (see `tests/Cases.Benchmarks/bench.sh`). Each bench rewrites only
        its own section, between its `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` markers.

        These figures come from one small machine on which the API, the load generator and PostgreSQL all share
        the same CPU cores: compare runs made on the same kind of machine, and read the CPU columns before
        drawing conclusions about any one component.

        """;

    public static string Machine()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadFirst("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var mem = memKb is null ? "unknown RAM"
            : (long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB RAM";
        var os = ReadOsRelease() ?? RuntimeInformation.OSDescription;
        var kernel = TryRead("/proc/sys/kernel/osrelease")?.Trim();
        return $"{cpu}, {Environment.ProcessorCount} cores, {mem}; {os}" + (kernel is null ? "" : $" (Linux {kernel})")
               + $"; {RuntimeInformation.FrameworkDescription}";
    }

    public static string IntakeSection(IntakeResult? intake, PgBenchResult? pg, RunInfo info)
    {
        var t = IntakeTarget;
        var sb = new StringBuilder();
        sb.AppendLine("<!-- bench:intake:start -->");
        sb.AppendLine("## intake: filing cases (`POST /api/cases`)");
        sb.AppendLine();
        sb.AppendLine($"- **Run**: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{info.Commit}`, `{info.Command}`");
        sb.AppendLine($"- **Machine**: {Machine()}");
        sb.AppendLine($"- **PostgreSQL**: {info.PostgresVersion}; {info.PostgresSettings}");
        sb.AppendLine($"- **API connection string options** (from `CASES_DB`, beyond host, port, user, password and database): {ConnectionOptions()}");
        sb.AppendLine("- **Shared cores**: the API, the load generator and PostgreSQL (and pgbench, in its half) run on the same");
        sb.AppendLine($"  {Environment.ProcessorCount} cores, so every process's CPU is taken from the others; the CPU columns show the split");
        sb.AppendLine("  (average cores busy over the measured window; *kernel* is mostly loopback networking, *other* is any other process).");
        sb.AppendLine($"- **Target**: ≥ {N0(t.MinThroughput)} filings/s at {t.AtClients} clients with p99 ≤ {N0(t.MaxP99Ms)} ms, no errors"
                      + $" (reference: pgbench ≈ {N0(t.ReferencePgBenchTps)} tx/s for the same transaction).");
        sb.AppendLine();

        if (intake is not null)
        {
            sb.AppendLine($"### API (closed loop; {intake.PrewarmSeconds} s JIT warm-up, then per level {intake.WarmupSeconds} s warm-up + {intake.DurationSeconds} s measured)");
            sb.AppendLine();
            sb.AppendLine("| clients | requests | errors | filings/s | p50 ms | p95 ms | p99 ms | max ms | CPU API | CPU PostgreSQL | CPU load gen | CPU kernel | CPU other |");
            sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var l in intake.Levels)
            {
                sb.AppendLine($"| {l.Clients} | {N0(l.Requests)} | {N0(l.Errors)} | {N0(l.ThroughputPerSecond)} | {Ms(l.LatencyMs.P50)} | {Ms(l.LatencyMs.P95)} | "
                              + $"{Ms(l.LatencyMs.P99)} | {Ms(l.LatencyMs.Max)} | {C(l.Cpu.Api)} | {C(l.Cpu.Postgres)} | {C(l.Cpu.LoadGenerator)} | {C(l.Cpu.Kernel)} | {C(l.Cpu.Other)} |");
            }

            sb.AppendLine();
            if (!intake.Valid)
            {
                sb.AppendLine($"**Not a valid result**: {N0(intake.Levels.Sum(l => l.Errors))} request(s) failed: "
                              + string.Join("; ", intake.Levels.SelectMany(l => l.ErrorKinds).GroupBy(k => k.Key)
                                  .Select(g => $"{g.Key} × {N0(g.Sum(x => x.Value))}")) + ".");
                sb.AppendLine();
            }
        }

        if (pg is not null)
        {
            sb.AppendLine($"### pgbench: the same transaction straight to PostgreSQL (`-M prepared`, {pg.WarmupSeconds} s warm-up + {pg.DurationSeconds} s)");
            sb.AppendLine();
            sb.AppendLine("| clients | transactions | failed | tx/s | p50 ms | p95 ms | p99 ms | max ms | CPU PostgreSQL | CPU pgbench | CPU kernel | CPU other |");
            sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var l in pg.Levels)
            {
                sb.AppendLine($"| {l.Clients} | {N0(l.Transactions)} | {N0(l.Failed)} | {N0(l.Tps)} | {Ms(l.LatencyMs.P50)} | {Ms(l.LatencyMs.P95)} | "
                              + $"{Ms(l.LatencyMs.P99)} | {Ms(l.LatencyMs.Max)} | {C(l.Cpu.Postgres)} | {C(l.Cpu.LoadGenerator)} | {C(l.Cpu.Kernel)} | {C(l.Cpu.Other)} |");
            }

            sb.AppendLine();
            sb.AppendLine($"{pg.PgBenchVersion}; script `tests/Cases.Benchmarks/intake.pgbench.sql`: in one transaction the counter upsert over the");
            sb.AppendLine("11 centres (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`), the case, 2 parties, 1 right and the `CaseFiled` event.");
            sb.AppendLine("It is the reference: the same rows with no HTTP, JSON, validation or ORM in the way, one round trip per statement.");
            sb.AppendLine();
        }

        sb.AppendLine("### Result");
        sb.AppendLine();
        foreach (var line in Verdict(intake, pg))
        {
            sb.AppendLine("- " + line);
        }

        sb.AppendLine();
        sb.AppendLine("How it is measured: `bench.sh` builds `src/Cases.Api` in Release, recreates the database `cases_bench`, starts the API");
        sb.AppendLine("(`ASPNETCORE_ENVIRONMENT=Production`, logging at Warning) on a free loopback port, creates one centre per region,");
        sb.AppendLine("then `Cases.Benchmarks intake` drives `POST /api/cases` from N concurrent clients over one shared `SocketsHttpHandler`,");
        sb.AppendLine("each client awaiting its answer before sending the next (closed loop), filings spread round-robin over the 11 centres.");
        sb.AppendLine("Every request started in the measured window is timed; any answer other than 201 with a Location is an error, and");
        sb.AppendLine("a run with errors is not a valid result. pgbench then runs against `cases_bench_pgbench`, migrated by the API's own");
        sb.AppendLine("migrator, on the same server. Raw results: `tests/Cases.Benchmarks/bin/bench/results/`.");
        sb.AppendLine("<!-- bench:intake:end -->");
        return sb.ToString();
    }

    public static List<string> Verdict(IntakeResult? intake, PgBenchResult? pg)
    {
        var t = IntakeTarget;
        var lines = new List<string>();
        var api = intake?.Levels.FirstOrDefault(l => l.Clients == t.AtClients) ?? intake?.Levels.MaxBy(l => l.Clients);
        var pgLevel = api is null
            ? pg?.Levels.MaxBy(l => l.Clients)
            : pg?.Levels.FirstOrDefault(l => l.Clients == api.Clients) ?? pg?.Levels.MaxBy(l => l.Clients);

        if (api is not null)
        {
            var met = intake!.Valid && api.Clients == t.AtClients && api.ThroughputPerSecond >= t.MinThroughput && api.LatencyMs.P99 <= t.MaxP99Ms;
            lines.Add($"API at {api.Clients} clients: **{N0(api.ThroughputPerSecond)} filings/s**, p99 {Ms(api.LatencyMs.P99)} ms, "
                      + $"{N0(api.Errors)} errors: target {(met ? "**met**" : "**not met**")}"
                      + (api.Clients == t.AtClients ? "" : $" (target is defined at {t.AtClients} clients)") + ".");
        }

        if (pgLevel is not null)
        {
            lines.Add($"pgbench at {pgLevel.Clients} clients: **{N0(pgLevel.Tps)} tx/s**, p99 {Ms(pgLevel.LatencyMs.P99)} ms"
                      + (pgLevel.Failed > 0 ? $", {N0(pgLevel.Failed)} failed" : "") + ".");
        }

        if (api is not null && pgLevel is not null && pgLevel.Tps > 0)
        {
            var pct = api.ThroughputPerSecond / pgLevel.Tps * 100;
            lines.Add($"Our throughput is **{pct.ToString("F0", CultureInfo.InvariantCulture)} % of pgbench's** at {api.Clients} clients"
                      + (pgLevel.Clients == api.Clients ? "." : $" (pgbench at {pgLevel.Clients})."));

            // The API holds a small pool of connections whatever the number of HTTP clients, while
            // pgbench opens one backend per client; its best level is the fairer ceiling.
            var best = pg!.Levels.MaxBy(l => l.Tps);
            if (best is not null && best.Clients != pgLevel.Clients && best.Tps > 0)
            {
                lines.Add($"Against pgbench's best level ({best.Clients} clients, {N0(best.Tps)} tx/s) our throughput at {api.Clients} clients is "
                          + $"**{(api.ThroughputPerSecond / best.Tps * 100).ToString("F0", CultureInfo.InvariantCulture)} %**: the API keeps a small pool of "
                          + "connections whatever the number of HTTP clients, while pgbench opens one backend per client.");
            }
        }

        if (api is not null)
        {
            var c = api.Cpu;
            var where = $"At {api.Clients} clients the cores went to: API {C(c.Api)}, PostgreSQL {C(c.Postgres)}, load generator {C(c.LoadGenerator)}, "
                        + $"kernel {C(c.Kernel)}, other processes {C(c.Other)} (machine busy {C(c.MachineBusy)} of {c.Cores})";
            where += c.MachineBusy >= 0.9 * c.Cores
                ? ": the machine is CPU-bound, so throughput is set by CPU per filing across all three processes."
                : ": the machine is not CPU-bound, so requests are waiting (locks on the counter rows, commits, round trips).";
            lines.Add(where);
        }

        if (api is not null && api.ThroughputPerSecond > 0)
        {
            var perApi = PerFiling(api.Cpu.Api, api.ThroughputPerSecond);
            var perPg = PerFiling(api.Cpu.Postgres, api.ThroughputPerSecond);
            var perGen = PerFiling(api.Cpu.LoadGenerator, api.ThroughputPerSecond);
            var line = $"CPU per filing at {api.Clients} clients: API {perApi} ms, PostgreSQL {perPg} ms, load generator {perGen} ms";
            if (pgLevel is { Tps: > 0 })
            {
                line += $"; under pgbench ({pgLevel.Clients} clients): PostgreSQL {PerFiling(pgLevel.Cpu.Postgres, pgLevel.Tps)} ms, "
                        + $"pgbench {PerFiling(pgLevel.Cpu.LoadGenerator, pgLevel.Tps)} ms per transaction";
            }

            lines.Add(line + $". {api.Cpu.Cores} cores divided by the total CPU per filing bound the throughput this machine can reach.");
        }

        if (api is not null)
        {
            // Little's law for a closed loop: mean latency = clients / throughput.
            var meanAtTarget = t.AtClients / t.MinThroughput * 1000;
            lines.Add($"A closed loop of N clients at X filings/s has a mean latency of N / X (Little's law): {t.AtClients} clients at "
                      + $"{N0(t.MinThroughput)}/s means {Ms(meanAtTarget)} ms on average, so p99 ≤ {N0(t.MaxP99Ms)} ms also asks for a p99 within "
                      + $"{((t.MaxP99Ms / meanAtTarget - 1) * 100).ToString("F0", CultureInfo.InvariantCulture)} % of the mean.");
        }

        var noisy = Math.Max(intake?.Levels.Max(l => l.Cpu.Other) ?? 0, pg?.Levels.Max(l => l.Cpu.Other) ?? 0);
        if (noisy >= 0.1)
        {
            lines.Add($"The machine was not quiet: up to {C(noisy)} cores went to other processes during a measured window, "
                      + "which the figures above lost; rerun on an idle machine before comparing.");
        }

        return lines;
    }

    /// <summary>Replaces the section between the markers, or appends it; creates the document if needed.</summary>
    public static void Splice(string docPath, string name, string section)
    {
        var start = $"<!-- bench:{name}:start -->";
        var end = $"<!-- bench:{name}:end -->";
        var doc = File.Exists(docPath) ? File.ReadAllText(docPath) : DocHeader;
        var s = doc.IndexOf(start, StringComparison.Ordinal);
        var e = doc.IndexOf(end, StringComparison.Ordinal);
        string updated;
        if (s >= 0 && e > s)
        {
            var after = e + end.Length;
            if (after < doc.Length && doc[after] == '\n')
            {
                after++;
            }

            updated = doc[..s] + section + doc[after..];
        }
        else if (s >= 0 || e >= 0)
        {
            throw new BenchmarkFailedException($"{docPath} has only one of the {name} markers; fix it by hand");
        }
        else
        {
            updated = doc.TrimEnd('\n') + "\n\n" + section;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(docPath))!);
        var tmp = docPath + ".tmp";
        File.WriteAllText(tmp, updated);
        File.Move(tmp, docPath, overwrite: true);
    }

    /// <summary>The Npgsql settings in CASES_DB that change behaviour (pool size, auto-prepare...), without secrets.</summary>
    private static string ConnectionOptions()
    {
        var cs = Environment.GetEnvironmentVariable("CASES_DB");
        if (string.IsNullOrWhiteSpace(cs))
        {
            return "unknown";
        }

        string[] plain = ["host", "server", "port", "username", "user id", "userid", "user name", "password", "pwd", "database", "db"];
        var b = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = cs };
        var rest = b.Keys.Cast<string>()
            .Where(k => !plain.Contains(k, StringComparer.OrdinalIgnoreCase) && !k.Contains("pass", StringComparison.OrdinalIgnoreCase))
            .Select(k => $"`{k}={b[k]}`")
            .ToList();
        return rest.Count == 0 ? "none, so the API's own defaults apply (`CasesDataSource`): a pool of 4 connections per core and automatic preparation of repeated statements" : string.Join(", ", rest);
    }

    private static string PerFiling(double? cores, double perSecond) =>
        cores is null || perSecond <= 0 ? "–" : (cores.Value / perSecond * 1000).ToString("F2", CultureInfo.InvariantCulture);

    private static string N0(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double v) => v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string C(double? v) => v is null ? "–" : v.Value.ToString("F2", CultureInfo.InvariantCulture);

    private static string? ReadFirst(string path, string key) =>
        TryRead(path)?.Split('\n').Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault();

    private static string? ReadOsRelease() =>
        TryRead("/etc/os-release")?.Split('\n').Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            .Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault();

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
