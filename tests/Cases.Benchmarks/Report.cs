using System.Runtime.InteropServices;

namespace Cases.Benchmarks;

internal sealed record RunDetails(string Commit, string PostgresVersion, string PostgresSettings, string Command);

internal sealed record Target(double MinThroughput, double MaxP99Milliseconds, int AtClients);

/// <summary>
/// What the report says about one benchmark beyond its figures. Noun names one measured operation ("filing"), so
/// that the shared sentences read "filings/s" and "CPU per filing"; TargetNote follows the target, PgBenchScript
/// follows the script's name, WaitingFor says what requests wait on when the machine is not CPU-bound, and
/// HowMeasured closes the section.
/// </summary>
internal sealed record BenchmarkDescription(
    string Name,
    string Heading,
    string Noun,
    Target Target,
    string TargetNote,
    IReadOnlyList<string> PgBenchScript,
    string WaitingFor,
    IReadOnlyList<string> HowMeasured)
{
    public string Nouns => Noun + "s";
}

/// <summary>Writes a benchmark's section of docs/benchmarks.md and the console summary.</summary>
internal static class Report
{
    private const string DocumentHeader =
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
        var memoryKibibytes = ReadFirst("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = memoryKibibytes is null ? "unknown RAM"
            : (long.Parse(memoryKibibytes, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB RAM";
        var operatingSystem = ReadOperatingSystemName() ?? RuntimeInformation.OSDescription;
        var kernel = TryRead("/proc/sys/kernel/osrelease")?.Trim();
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory}; {operatingSystem}" + (kernel is null ? "" : $" (Linux {kernel})")
               + $"; {RuntimeInformation.FrameworkDescription}";
    }

    public static string Section(BenchmarkDescription benchmark, LoadResult? load, PgBenchResult? pgBench, RunDetails run)
    {
        var target = benchmark.Target;
        var text = new StringBuilder();
        text.AppendLine($"<!-- bench:{benchmark.Name}:start -->");
        text.AppendLine("## " + benchmark.Heading);
        text.AppendLine();
        text.AppendLine($"- **Run**: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{run.Commit}`, `{run.Command}`");
        text.AppendLine($"- **Machine**: {Machine()}");
        text.AppendLine($"- **PostgreSQL**: {run.PostgresVersion}; {run.PostgresSettings}");
        text.AppendLine($"- **API connection string options** (from `CASES_DB`, beyond host, port, user, password and database): {ConnectionOptions()}");
        text.AppendLine("- **Shared cores**: the API, the load generator and PostgreSQL (and pgbench, in its half) run on the same");
        text.AppendLine($"  {Environment.ProcessorCount} cores, so every process's CPU is taken from the others; the CPU columns show the split");
        text.AppendLine("  (average cores busy over the measured window; *kernel* is mostly loopback networking, *other* is any other process).");
        text.AppendLine($"- **Target**: ≥ {FormatCount(target.MinThroughput)} {benchmark.Nouns}/s at {target.AtClients} clients with p99 ≤ {FormatCount(target.MaxP99Milliseconds)} ms, no errors"
                      + benchmark.TargetNote + ".");
        text.AppendLine();

        if (load is not null)
        {
            text.AppendLine($"### API (closed loop; {load.PrewarmSeconds} s JIT warm-up, then per level {load.WarmupSeconds} s warm-up + {load.DurationSeconds} s measured)");
            text.AppendLine();
            text.AppendLine($"| clients | requests | errors | {benchmark.Nouns}/s | p50 ms | p95 ms | p99 ms | max ms | CPU API | CPU PostgreSQL | CPU load gen | CPU kernel | CPU other |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var level in load.Levels)
            {
                text.AppendLine($"| {level.Clients} | {FormatCount(level.Requests)} | {FormatCount(level.Errors)} | {FormatCount(level.ThroughputPerSecond)} | {FormatMilliseconds(level.LatencyMilliseconds.P50)} | {FormatMilliseconds(level.LatencyMilliseconds.P95)} | "
                              + $"{FormatMilliseconds(level.LatencyMilliseconds.P99)} | {FormatMilliseconds(level.LatencyMilliseconds.Max)} | {FormatCores(level.Cpu.Api)} | {FormatCores(level.Cpu.Postgres)} | {FormatCores(level.Cpu.LoadGenerator)} | {FormatCores(level.Cpu.Kernel)} | {FormatCores(level.Cpu.Other)} |");
            }

            text.AppendLine();
            if (!load.Valid)
            {
                text.AppendLine($"**Not a valid result**: {FormatCount(load.Levels.Sum(level => level.Errors))} request(s) failed: "
                              + string.Join("; ", load.Levels.SelectMany(level => level.ErrorKinds).GroupBy(errorKind => errorKind.Key)
                                  .Select(kind => $"{kind.Key} × {FormatCount(kind.Sum(errorKind => errorKind.Value))}")) + ".");
                text.AppendLine();
            }
        }

        if (pgBench is not null)
        {
            text.AppendLine($"### pgbench: the same transaction straight to PostgreSQL (`-M prepared`, {pgBench.WarmupSeconds} s warm-up + {pgBench.DurationSeconds} s)");
            text.AppendLine();
            text.AppendLine("| clients | transactions | failed | tx/s | p50 ms | p95 ms | p99 ms | max ms | CPU PostgreSQL | CPU pgbench | CPU kernel | CPU other |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var level in pgBench.Levels)
            {
                text.AppendLine($"| {level.Clients} | {FormatCount(level.Transactions)} | {FormatCount(level.Failed)} | {FormatCount(level.TransactionsPerSecond)} | {FormatMilliseconds(level.LatencyMilliseconds.P50)} | {FormatMilliseconds(level.LatencyMilliseconds.P95)} | "
                              + $"{FormatMilliseconds(level.LatencyMilliseconds.P99)} | {FormatMilliseconds(level.LatencyMilliseconds.Max)} | {FormatCores(level.Cpu.Postgres)} | {FormatCores(level.Cpu.LoadGenerator)} | {FormatCores(level.Cpu.Kernel)} | {FormatCores(level.Cpu.Other)} |");
            }

            text.AppendLine();
            text.AppendLine($"{pgBench.PgBenchVersion}; script `tests/Cases.Benchmarks/{benchmark.Name}.pgbench.sql`: {benchmark.PgBenchScript[0]}");
            foreach (var line in benchmark.PgBenchScript.Skip(1))
            {
                text.AppendLine(line);
            }

            text.AppendLine();
        }

        text.AppendLine("### Result");
        text.AppendLine();
        foreach (var line in Verdict(benchmark, load, pgBench))
        {
            text.AppendLine("- " + line);
        }

        text.AppendLine();
        foreach (var line in benchmark.HowMeasured)
        {
            text.AppendLine(line);
        }

        text.AppendLine($"<!-- bench:{benchmark.Name}:end -->");
        return text.ToString();
    }

    public static List<string> Verdict(BenchmarkDescription benchmark, LoadResult? load, PgBenchResult? pgBench)
    {
        var target = benchmark.Target;
        var lines = new List<string>();
        var api = load?.Levels.FirstOrDefault(level => level.Clients == target.AtClients) ?? load?.Levels.MaxBy(level => level.Clients);
        var pgBenchLevel = api is null
            ? pgBench?.Levels.MaxBy(level => level.Clients)
            : pgBench?.Levels.FirstOrDefault(level => level.Clients == api.Clients) ?? pgBench?.Levels.MaxBy(level => level.Clients);

        if (api is not null)
        {
            var throughputMet = api.ThroughputPerSecond >= target.MinThroughput;
            var latencyMet = api.LatencyMilliseconds.P99 <= target.MaxP99Milliseconds;
            var met = load!.Valid && api.Clients == target.AtClients && throughputMet && latencyMet;
            // When only one half of the target fails, say which, so that the verdict needs no arithmetic.
            var halves = met || !load.Valid || api.Clients != target.AtClients || throughputMet == latencyMet
                ? ""
                : $" (≥ {FormatCount(target.MinThroughput)} {benchmark.Nouns}/s {(throughputMet ? "met" : "not met")}, p99 ≤ {FormatCount(target.MaxP99Milliseconds)} ms {(latencyMet ? "met" : "not met")})";
            lines.Add($"API at {api.Clients} clients: **{FormatCount(api.ThroughputPerSecond)} {benchmark.Nouns}/s**, p99 {FormatMilliseconds(api.LatencyMilliseconds.P99)} ms, "
                      + $"{FormatCount(api.Errors)} errors: target {(met ? "**met**" : "**not met**")}" + halves
                      + (api.Clients == target.AtClients ? "" : $" (target is defined at {target.AtClients} clients)") + ".");
        }

        if (pgBenchLevel is not null)
        {
            lines.Add($"pgbench at {pgBenchLevel.Clients} clients: **{FormatCount(pgBenchLevel.TransactionsPerSecond)} tx/s**, p99 {FormatMilliseconds(pgBenchLevel.LatencyMilliseconds.P99)} ms"
                      + (pgBenchLevel.Failed > 0 ? $", {FormatCount(pgBenchLevel.Failed)} failed" : "") + ".");
        }

        if (api is not null && pgBenchLevel is not null && pgBenchLevel.TransactionsPerSecond > 0)
        {
            var percentage = api.ThroughputPerSecond / pgBenchLevel.TransactionsPerSecond * 100;
            lines.Add($"Our throughput is **{percentage.ToString("F0", CultureInfo.InvariantCulture)} % of pgbench's** at {api.Clients} clients"
                      + (pgBenchLevel.Clients == api.Clients ? "." : $" (pgbench at {pgBenchLevel.Clients})."));

            // The API holds a small pool of connections whatever the number of HTTP clients, while
            // pgbench opens one backend per client; its best level is the fairer ceiling.
            var best = pgBench!.Levels.MaxBy(level => level.TransactionsPerSecond);
            if (best is not null && best.Clients != pgBenchLevel.Clients && best.TransactionsPerSecond > 0)
            {
                lines.Add($"Against pgbench's best level ({best.Clients} clients, {FormatCount(best.TransactionsPerSecond)} tx/s) our throughput at {api.Clients} clients is "
                          + $"**{(api.ThroughputPerSecond / best.TransactionsPerSecond * 100).ToString("F0", CultureInfo.InvariantCulture)} %**: the API keeps a small pool of "
                          + "connections whatever the number of HTTP clients, while pgbench opens one backend per client.");
            }
        }

        if (api is not null)
        {
            var cpu = api.Cpu;
            var where = $"At {api.Clients} clients the cores went to: API {FormatCores(cpu.Api)}, PostgreSQL {FormatCores(cpu.Postgres)}, load generator {FormatCores(cpu.LoadGenerator)}, "
                        + $"kernel {FormatCores(cpu.Kernel)}, other processes {FormatCores(cpu.Other)} (machine busy {FormatCores(cpu.MachineBusy)} of {cpu.Cores})";
            where += cpu.MachineBusy >= 0.9 * cpu.Cores
                ? $": the machine is CPU-bound, so throughput is set by CPU per {benchmark.Noun} across all three processes."
                : $": the machine is not CPU-bound, so requests are waiting ({benchmark.WaitingFor}).";
            lines.Add(where);
        }

        if (api is not null && api.ThroughputPerSecond > 0)
        {
            var apiPerOperation = PerOperation(api.Cpu.Api, api.ThroughputPerSecond);
            var postgresPerOperation = PerOperation(api.Cpu.Postgres, api.ThroughputPerSecond);
            var loadGeneratorPerOperation = PerOperation(api.Cpu.LoadGenerator, api.ThroughputPerSecond);
            var line = $"CPU per {benchmark.Noun} at {api.Clients} clients: API {apiPerOperation} ms, PostgreSQL {postgresPerOperation} ms, "
                       + $"load generator {loadGeneratorPerOperation} ms";
            if (pgBenchLevel is { TransactionsPerSecond: > 0 })
            {
                line += $"; under pgbench ({pgBenchLevel.Clients} clients): PostgreSQL {PerOperation(pgBenchLevel.Cpu.Postgres, pgBenchLevel.TransactionsPerSecond)} ms, "
                        + $"pgbench {PerOperation(pgBenchLevel.Cpu.LoadGenerator, pgBenchLevel.TransactionsPerSecond)} ms per transaction";
            }

            lines.Add(line + $". {api.Cpu.Cores} cores divided by the total CPU per {benchmark.Noun} bound the throughput this machine can reach.");
        }

        if (api is not null)
        {
            // Little's law for a closed loop: mean latency = clients / throughput.
            var meanAtTarget = target.AtClients / target.MinThroughput * 1000;
            var littlesLaw = $"A closed loop of N clients at X {benchmark.Nouns}/s has a mean latency of N / X (Little's law): {target.AtClients} clients at "
                             + $"{FormatCount(target.MinThroughput)}/s means {FormatMilliseconds(meanAtTarget)} ms on average, ";
            // A mean above the p99 limit makes the latency limit the binding half of the target: say what it asks for.
            lines.Add(meanAtTarget <= target.MaxP99Milliseconds
                ? littlesLaw + $"so p99 ≤ {FormatCount(target.MaxP99Milliseconds)} ms also asks for a p99 within "
                  + $"{((target.MaxP99Milliseconds / meanAtTarget - 1) * 100).ToString("F0", CultureInfo.InvariantCulture)} % of the mean."
                : littlesLaw + $"more than the p99 limit of {FormatCount(target.MaxP99Milliseconds)} ms: at {target.AtClients} clients, p99 ≤ {FormatCount(target.MaxP99Milliseconds)} ms "
                  + $"needs at least {FormatCount(target.AtClients / target.MaxP99Milliseconds * 1000)} {benchmark.Nouns}/s even if every request took exactly the mean, "
                  + "so the latency limit, not the throughput one, is the binding half of the target.");
        }

        var noisy = Math.Max(load?.Levels.Max(level => level.Cpu.Other) ?? 0, pgBench?.Levels.Max(level => level.Cpu.Other) ?? 0);
        if (noisy >= 0.1)
        {
            lines.Add($"The machine was not quiet: up to {FormatCores(noisy)} cores went to other processes during a measured window, "
                      + "which the figures above lost; rerun on an idle machine before comparing.");
        }

        return lines;
    }

    /// <summary>Replaces the section between the markers, or appends it; creates the document if needed.</summary>
    public static void Splice(string documentPath, string name, string section)
    {
        var startMarker = $"<!-- bench:{name}:start -->";
        var endMarker = $"<!-- bench:{name}:end -->";
        var document = File.Exists(documentPath) ? File.ReadAllText(documentPath) : DocumentHeader;
        var startIndex = document.IndexOf(startMarker, StringComparison.Ordinal);
        var endIndex = document.IndexOf(endMarker, StringComparison.Ordinal);
        string updated;
        if (startIndex >= 0 && endIndex > startIndex)
        {
            var after = endIndex + endMarker.Length;
            if (after < document.Length && document[after] == '\n')
            {
                after++;
            }

            updated = document[..startIndex] + section + document[after..];
        }
        else if (startIndex >= 0 || endIndex >= 0)
        {
            throw new BenchmarkFailedException($"{documentPath} has only one of the {name} markers; fix it by hand");
        }
        else
        {
            updated = document.TrimEnd('\n') + "\n\n" + section;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(documentPath))!);
        // Write a temporary file and move it over, so that an interrupted run never leaves a half-written document.
        var temporaryPath = documentPath + ".tmp";
        File.WriteAllText(temporaryPath, updated);
        File.Move(temporaryPath, documentPath, overwrite: true);
    }

    /// <summary>The Npgsql settings in CASES_DB that change behaviour (pool size, auto-prepare...), without secrets.</summary>
    private static string ConnectionOptions()
    {
        var connectionString = Environment.GetEnvironmentVariable("CASES_DB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "unknown";
        }

        string[] plain = ["host", "server", "port", "username", "user id", "userid", "user name", "password", "pwd", "database", "db"];
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var rest = builder.Keys.Cast<string>()
            .Where(key => !plain.Contains(key, StringComparer.OrdinalIgnoreCase) && !key.Contains("pass", StringComparison.OrdinalIgnoreCase))
            .Select(key => $"`{key}={builder[key]}`")
            .ToList();
        return rest.Count == 0 ? "none, so the API's own defaults apply (`CasesDataSource`): a pool of 4 connections per core and automatic preparation of repeated statements" : string.Join(", ", rest);
    }

    private static string PerOperation(double? cores, double perSecond) =>
        cores is null || perSecond <= 0 ? "–" : (cores.Value / perSecond * 1000).ToString("F2", CultureInfo.InvariantCulture);

    private static string FormatCount(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // About three significant figures: two decimals below 10 ms, one above.
    private static string FormatMilliseconds(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string FormatCores(double? value) => value is null ? "–" : value.Value.ToString("F2", CultureInfo.InvariantCulture);

    private static string? ReadFirst(string path, string key) =>
        TryRead(path)?.Split('\n').Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault();

    private static string? ReadOperatingSystemName() =>
        TryRead("/etc/os-release")?.Split('\n').Where(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            .Select(line => line["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault();

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
