using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Cases.Benchmarks;

internal sealed record PgBenchOptions(
    string Database,
    string Script,
    int[] Clients,
    int DurationSeconds,
    int WarmupSeconds,
    int MaxJobs,
    string LogDirectory,
    int? PostmasterProcessId);

internal sealed record PgBenchLevel(
    int Clients,
    int Jobs,
    long Transactions,
    long Failed,
    [property: JsonPropertyName("tps")] double TransactionsPerSecond,
    [property: JsonPropertyName("pgBenchLatencyAverageMs")] double PgBenchLatencyAverageMilliseconds,
    [property: JsonPropertyName("latencyMs")] LatencySummary LatencyMilliseconds,
    CpuCores Cpu);

internal sealed record PgBenchResult(
    string Benchmark,
    string Database,
    string Script,
    string PgBenchVersion,
    int WarmupSeconds,
    int DurationSeconds,
    List<PgBenchLevel> Levels)
{
    public bool Valid => Levels.Count > 0 && Levels.All(level => level.Failed == 0 && level.Transactions > 0);
}

/// <summary>
/// Runs pgbench (-n -M prepared, custom script, per-transaction log) for each client count after a short
/// unlogged warm-up, and reads tps from its report and percentiles from its log. Connection settings come
/// from the PG* environment.
/// </summary>
internal sealed partial class PgBench(PgBenchOptions options, TextWriter log)
{
    public async Task<PgBenchResult> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.LogDirectory);
        var version = (await RunPgBenchAsync(["--version"], cancellationToken)).StandardOutput.Trim();
        var levels = new List<PgBenchLevel>();
        foreach (var clients in options.Clients)
        {
            var jobs = Math.Min(clients, Math.Max(1, options.MaxJobs));
            string[] commonArguments = ["-n", "-M", "prepared", "-c", FormatInteger(clients), "-j", FormatInteger(jobs), "-f", options.Script];
            if (options.WarmupSeconds > 0)
            {
                log.WriteLine($"pgbench: {clients} client(s): {options.WarmupSeconds}s warm-up ...");
                var warmup = await RunPgBenchAsync([.. commonArguments, "-T", FormatInteger(options.WarmupSeconds), options.Database], cancellationToken);
                EnsureSuccess(warmup, "warm-up");
            }

            // Logs left by an earlier run would otherwise be read as this run's samples.
            foreach (var previousFile in Directory.GetFiles(options.LogDirectory, $"pgbench_c{clients}.*"))
            {
                File.Delete(previousFile);
            }

            var prefix = Path.Combine(options.LogDirectory, $"pgbench_c{clients}");
            log.WriteLine($"pgbench: {clients} client(s): {options.DurationSeconds}s measured ...");
            var cpu = CpuTracker.Start(apiProcessId: null, options.PostmasterProcessId, loadProcessId: null);
            await using var cpuScope = cpu;
            var run = await RunPgBenchAsync(
                [.. commonArguments, "-T", FormatInteger(options.DurationSeconds), "-l", "--log-prefix", prefix, options.Database], cancellationToken,
                onStarted: processId => cpu.LoadProcessId = processId);
            var cpuCores = await cpu.StopAsync();
            EnsureSuccess(run, "run");
            File.WriteAllText(prefix + ".out", run.StandardOutput + run.StandardError);

            var (samples, logFailed) = ReadLogs(options.LogDirectory, $"pgbench_c{clients}.");
            var level = new PgBenchLevel(
                clients,
                jobs,
                Transactions: ParseLong(TransactionsPattern(), run.StandardOutput) ?? samples.Length,
                Failed: Math.Max(ParseLong(FailedPattern(), run.StandardOutput) ?? 0, logFailed),
                TransactionsPerSecond: ParseDouble(TransactionsPerSecondPattern(), run.StandardOutput) ?? 0,
                PgBenchLatencyAverageMilliseconds: ParseDouble(LatencyAveragePattern(), run.StandardOutput) ?? 0,
                LatencyMilliseconds: LatencySummary.From(samples, unitsPerSecond: 1_000_000),
                Cpu: cpuCores);
            levels.Add(level);
            log.WriteLine(
                $"pgbench: {clients,3} clients  {level.Transactions,8} tx  {level.Failed,5} failed  {level.TransactionsPerSecond,9:F1} tps  " +
                $"p50 {level.LatencyMilliseconds.P50:F2}  p95 {level.LatencyMilliseconds.P95:F2}  " +
                $"p99 {level.LatencyMilliseconds.P99:F2}  max {level.LatencyMilliseconds.Max:F2} ms  " +
                $"cpu pg {level.Cpu.Postgres:F2} pgbench {level.Cpu.LoadGenerator:F2} kernel {level.Cpu.Kernel:F2} other {level.Cpu.Other:F2} machine {level.Cpu.MachineBusy:F2}/{level.Cpu.Cores}");

            // The per-transaction logs are large and only needed for the percentiles, which are computed now.
            foreach (var file in Directory.GetFiles(options.LogDirectory, $"pgbench_c{clients}.*")
                         .Where(path => !path.EndsWith(".out", StringComparison.Ordinal)))
            {
                File.Delete(file);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        // "intake.pgbench.sql" gives "intake-pgbench".
        var name = Path.GetFileName(options.Script).Split('.')[0] + "-pgbench";
        return new PgBenchResult(name, options.Database, File.ReadAllText(options.Script), version,
            options.WarmupSeconds, options.DurationSeconds, levels);
    }

    /// <summary>Per-transaction log lines: client_id transaction_no time script_no epoch epoch_us; time is µs or "failed".</summary>
    private static (long[] Samples, long Failed) ReadLogs(string directory, string prefix)
    {
        var samples = new List<long>();
        long failed = 0;
        foreach (var file in Directory.GetFiles(directory, prefix + "*").Where(path => !path.EndsWith(".out", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    continue;
                }

                if (long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
                {
                    samples.Add(microseconds);
                }
                else
                {
                    failed++;
                }
            }
        }

        return (samples.ToArray(), failed);
    }

    private void EnsureSuccess(ProcessOutput output, string what)
    {
        if (output.ExitCode != 0)
        {
            log.WriteLine(output.StandardOutput);
            log.WriteLine(output.StandardError);
            throw new BenchmarkFailedException($"pgbench {what} exited with {output.ExitCode}: {output.StandardError.Trim()}");
        }
    }

    private static async Task<ProcessOutput> RunPgBenchAsync(
        string[] arguments, CancellationToken cancellationToken, Action<int>? onStarted = null)
    {
        var startInfo = new ProcessStartInfo("pgbench")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new BenchmarkFailedException("could not start pgbench");
        onStarted?.Invoke(process.Id);
        // Read both streams from the start, so that pgbench never blocks on a full pipe.
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessOutput(process.ExitCode, await standardOutput, await standardError);
    }

    private static string FormatInteger(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static double? ParseDouble(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static long? ParseLong(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TransactionsPerSecondPattern();

    [GeneratedRegex(@"^number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex TransactionsPattern();

    [GeneratedRegex(@"^number of failed transactions: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex FailedPattern();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyAveragePattern();

    private sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError);
}
