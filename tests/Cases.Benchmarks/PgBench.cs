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
    int? PostmasterPid);

internal sealed record PgBenchLevel(
    int Clients,
    int Jobs,
    long Transactions,
    long Failed,
    double Tps,
    double PgBenchLatencyAverageMs,
    LatencySummary LatencyMs,
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
    public bool Valid => Levels.Count > 0 && Levels.All(l => l.Failed == 0 && l.Transactions > 0);
}

/// <summary>
/// Runs pgbench (-n -M prepared, custom script, per-transaction log) for each client count after a short
/// unlogged warm-up, and reads tps from its report and percentiles from its log. Connection settings come
/// from the PG* environment.
/// </summary>
internal sealed partial class PgBench(PgBenchOptions options, TextWriter log)
{
    public async Task<PgBenchResult> RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.LogDirectory);
        var version = (await RunPgBenchAsync(["--version"], ct)).Stdout.Trim();
        var levels = new List<PgBenchLevel>();
        foreach (var clients in options.Clients)
        {
            var jobs = Math.Min(clients, Math.Max(1, options.MaxJobs));
            string[] common = ["-n", "-M", "prepared", "-c", Str(clients), "-j", Str(jobs), "-f", options.Script];
            if (options.WarmupSeconds > 0)
            {
                log.WriteLine($"pgbench: {clients} client(s): {options.WarmupSeconds}s warm-up ...");
                var warm = await RunPgBenchAsync([.. common, "-T", Str(options.WarmupSeconds), options.Database], ct);
                EnsureSuccess(warm, "warm-up");
            }

            foreach (var old in Directory.GetFiles(options.LogDirectory, $"pgbench_c{clients}.*"))
            {
                File.Delete(old);
            }

            var prefix = Path.Combine(options.LogDirectory, $"pgbench_c{clients}");
            log.WriteLine($"pgbench: {clients} client(s): {options.DurationSeconds}s measured ...");
            var cpu = CpuTracker.Start(apiPid: null, options.PostmasterPid, loadPid: null);
            await using var cpuScope = cpu;
            var run = await RunPgBenchAsync(
                [.. common, "-T", Str(options.DurationSeconds), "-l", "--log-prefix", prefix, options.Database], ct,
                onStarted: pid => cpu.LoadPid = pid);
            var cpuCores = await cpu.StopAsync();
            EnsureSuccess(run, "run");
            File.WriteAllText(prefix + ".out", run.Stdout + run.Stderr);

            var (samples, logFailed) = ReadLogs(options.LogDirectory, $"pgbench_c{clients}.");
            var level = new PgBenchLevel(
                clients,
                jobs,
                Transactions: ParseLong(TransactionsRe(), run.Stdout) ?? samples.Length,
                Failed: Math.Max(ParseLong(FailedRe(), run.Stdout) ?? 0, logFailed),
                Tps: ParseDouble(TpsRe(), run.Stdout) ?? 0,
                PgBenchLatencyAverageMs: ParseDouble(LatencyAvgRe(), run.Stdout) ?? 0,
                LatencyMs: LatencySummary.From(samples, unitsPerSecond: 1_000_000),
                Cpu: cpuCores);
            levels.Add(level);
            log.WriteLine(
                $"pgbench: {clients,3} clients  {level.Transactions,8} tx  {level.Failed,5} failed  {level.Tps,9:F1} tps  " +
                $"p50 {level.LatencyMs.P50:F2}  p95 {level.LatencyMs.P95:F2}  p99 {level.LatencyMs.P99:F2}  max {level.LatencyMs.Max:F2} ms  " +
                $"cpu pg {level.Cpu.Postgres:F2} pgbench {level.Cpu.LoadGenerator:F2} kernel {level.Cpu.Kernel:F2} other {level.Cpu.Other:F2} machine {level.Cpu.MachineBusy:F2}/{level.Cpu.Cores}");

            // The per-transaction logs are only needed for the percentiles.
            foreach (var f in Directory.GetFiles(options.LogDirectory, $"pgbench_c{clients}.*").Where(f => !f.EndsWith(".out", StringComparison.Ordinal)))
            {
                File.Delete(f);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        return new PgBenchResult("intake-pgbench", options.Database, File.ReadAllText(options.Script), version,
            options.WarmupSeconds, options.DurationSeconds, levels);
    }

    /// <summary>Per-transaction log lines: client_id transaction_no time script_no epoch epoch_us; time is µs or "failed".</summary>
    private static (long[] Samples, long Failed) ReadLogs(string dir, string prefix)
    {
        var samples = new List<long>();
        long failed = 0;
        foreach (var file in Directory.GetFiles(dir, prefix + "*").Where(f => !f.EndsWith(".out", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    continue;
                }

                if (long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var us))
                {
                    samples.Add(us);
                }
                else
                {
                    failed++;
                }
            }
        }

        return (samples.ToArray(), failed);
    }

    private void EnsureSuccess(ProcessOutput o, string what)
    {
        if (o.ExitCode != 0)
        {
            log.WriteLine(o.Stdout);
            log.WriteLine(o.Stderr);
            throw new BenchmarkFailedException($"pgbench {what} exited with {o.ExitCode}: {o.Stderr.Trim()}");
        }
    }

    private static async Task<ProcessOutput> RunPgBenchAsync(string[] args, CancellationToken ct, Action<int>? onStarted = null)
    {
        var psi = new ProcessStartInfo("pgbench")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new BenchmarkFailedException("could not start pgbench");
        onStarted?.Invoke(p.Id);
        var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = p.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await p.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessOutput(p.ExitCode, await stdout, await stderr);
    }

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static double? ParseDouble(Regex re, string text) =>
        re.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static long? ParseLong(Regex re, string text) =>
        re.Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsRe();

    [GeneratedRegex(@"^number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex TransactionsRe();

    [GeneratedRegex(@"^number of failed transactions: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex FailedRe();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyAvgRe();

    private sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr);
}
