using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Cases.Benchmarks;

internal static class Program
{
    private const string Usage =
        """
        Cases.Benchmarks: load generator and report writer behind ./cases bench (run that, or bench.sh).

          intake   --url URL [--clients 1,16,64] [--duration 20] [--warmup 5] [--prewarm 30] [--health-timeout 120]
                   [--max-requests 5000000] [--api-pid PID] [--pg-pid PID] [--json FILE] [--markdown FILE]
                   Waits for GET /healthz, creates the 11 centres, warms the API up (--prewarm s at 16 clients),
                   then drives POST /api/cases closed-loop per level: --warmup s, then --duration s measured.
                   Exit 0 if every request answered 201, 2 if any did not (not a valid result).
          actions  the same options as intake. After the centres, files 4 rights-defence cases per client and takes
                   them to Investigation (not measured), then drives POST /api/cases/{id}/actions/{action}: each
                   client cycles sendInformationNotice, suspendCase, sendInformationNotice, resumeCase over its own
                   cases. Exit 0 if every action answered 200, 2 if any did not (not a valid result).
          pgbench  --db NAME --script FILE [--clients 16,64] [--duration 20] [--warmup 5] [--jobs 2]
                   [--log-dir DIR] [--pg-pid PID] [--json FILE]      (connection from PG* variables)
          report   --bench intake|actions [--api FILE] [--pgbench FILE] [--doc docs/benchmarks.md] [--commit SHA]
                   [--pg-version TEXT] [--pg-settings TEXT] [--command TEXT] [--force-doc]
                   Prints the summary and rewrites the bench's section of --doc (refused if the run had errors).
          deadlines --url URL [--open 100000] [--due-together 10000] [--warmup-deadlines 2000] [--rate 50] [--steady 60]
                   [--lead 40] [--target 60] [--timeout 180] [--arithmetic 5] [--sweep-interval 01:00:00] [--parallelism N]
                   [--api-log FILE] [--api-pid PID] [--pg-pid PID] [--json FILE] [--doc FILE] [--commit SHA] [--pg-version TEXT]
                   [--pg-settings TEXT] [--command TEXT]       (the bench database from CASES_DB)
                   The deadline timers of the API at --url: seeds --open open deadlines, --due-together of them due at one
                   instant, schedules the wake-ups through Quartz from a host that never fires, and counts what took effect;
                   then --rate deadlines due each second for --steady s (lateness), then the arithmetic throughput.
                   Exit 0 if every deadline took effect exactly once (the 60 s target may still fail), 2 if not.
          arithmetic [--duration 5]        deadline arithmetic throughput, single-threaded, on the shipped calendars:
                                           ExpiryOf and Compute (with explanation) computations per second
          conn-string --database NAME      CASES_DB with its database replaced
          free-port                        a free TCP port on 127.0.0.1
        """;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A measure with no samples is NaN (a failed run), which must still be written.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> Main(string[] arguments)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArguments) =>
        {
            eventArguments.Cancel = true;
            cancellation.Cancel();
        };

        // bench.sh stops us with SIGTERM: cancel, so that a running pgbench is killed too.
        using var terminationSignal = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        if (arguments.Length == 0 || arguments[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return arguments.Length == 0 ? 64 : 0;
        }

        try
        {
            var commandLine = new CommandLine(arguments.Skip(1), new HashSet<string>(StringComparer.Ordinal) { "force-doc" });
            return arguments[0] switch
            {
                "intake" => await LoadAsync(new IntakeWorkload(), IntakeWorkload.Description, commandLine, cancellation.Token),
                "actions" => await LoadAsync(new ActionsWorkload(), ActionsWorkload.Description, commandLine, cancellation.Token),
                "pgbench" => await PgBenchAsync(commandLine, cancellation.Token),
                "report" => ReportCommand(commandLine),
                "arithmetic" => Arithmetic(commandLine),
                "deadlines" => await DeadlinesAsync(commandLine, cancellation.Token),
                "conn-string" => ConnectionString(commandLine),
                "free-port" => FreePort(commandLine),
                _ => throw new UsageException($"unknown command '{arguments[0]}'"),
            };
        }
        catch (UsageException exception)
        {
            await Console.Error.WriteLineAsync("Cases.Benchmarks: " + exception.Message + "\n\n" + Usage);
            return 64;
        }
        catch (BenchmarkFailedException exception)
        {
            await Console.Error.WriteLineAsync("Cases.Benchmarks: " + exception.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cases.Benchmarks: cancelled");
            return 130;
        }
    }

    private static async Task<int> LoadAsync(IWorkload workload, BenchmarkDescription benchmark, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var url = commandLine.Require("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || !IsLoopback(baseUrl))
        {
            throw new UsageException($"--url must be an absolute http URL on a loopback address, got '{url}'");
        }

        var connectionString = Environment.GetEnvironmentVariable("CASES_DB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new UsageException("CASES_DB (the bench database, where the load generator's account is created) is not set");
        }

        var options = new LoadOptions(
            baseUrl,
            connectionString,
            commandLine.IntList("clients", [1, 16, 64]),
            Positive(commandLine.Int("duration", 20), "duration"),
            commandLine.Int("warmup", 5),
            commandLine.Int("prewarm", 30),
            Positive(commandLine.Int("health-timeout", 120), "health-timeout"),
            commandLine.Long("max-requests", 5_000_000),
            ProcessIdOrNull(commandLine.Get("api-pid")),
            ProcessIdOrNull(commandLine.Get("pg-pid")));
        var jsonPath = commandLine.Get("json");
        var markdownPath = commandLine.Get("markdown");
        commandLine.EnsureAllUsed();

        var result = await new ClosedLoopLoad(options, workload, Console.Out).RunAsync(cancellationToken);
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, result);
        }

        if (markdownPath is not null)
        {
            File.WriteAllText(markdownPath, Report.Section(benchmark, result, null, new RunDetails("?", "?", "?", "Cases.Benchmarks " + benchmark.Name)));
        }

        if (!result.Valid)
        {
            await Console.Error.WriteLineAsync($"{benchmark.Name}: some requests did not get the expected answer: this run is not a valid result");
            return 2;
        }

        return 0;
    }

    private static async Task<int> PgBenchAsync(CommandLine commandLine, CancellationToken cancellationToken)
    {
        var options = new PgBenchOptions(
            commandLine.Require("db"),
            commandLine.Require("script"),
            commandLine.IntList("clients", [16, 64]),
            Positive(commandLine.Int("duration", 20), "duration"),
            commandLine.Int("warmup", 5),
            Positive(commandLine.Int("jobs", 2), "jobs"),
            commandLine.Get("log-dir") ?? Path.Combine(Path.GetTempPath(), "cases-pgbench"),
            ProcessIdOrNull(commandLine.Get("pg-pid")));
        var jsonPath = commandLine.Get("json");
        commandLine.EnsureAllUsed();
        if (!File.Exists(options.Script))
        {
            throw new UsageException($"pgbench script '{options.Script}' does not exist");
        }

        var result = await new PgBench(options, Console.Out).RunAsync(cancellationToken);
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, result);
        }

        return result.Valid ? 0 : 2;
    }

    private static int ReportCommand(CommandLine commandLine)
    {
        var benchmark = commandLine.Require("bench") switch
        {
            "intake" => IntakeWorkload.Description,
            "actions" => ActionsWorkload.Description,
            var other => throw new UsageException($"--bench must be intake or actions, got '{other}'"),
        };
        var load = ReadJson<LoadResult>(commandLine.Get("api"));
        var pgBench = ReadJson<PgBenchResult>(commandLine.Get("pgbench"));
        var documentPath = commandLine.Get("doc");
        var run = new RunDetails(
            commandLine.Get("commit") ?? "unknown",
            commandLine.Get("pg-version") ?? "unknown",
            commandLine.Get("pg-settings") ?? "settings unknown",
            commandLine.Get("command") ?? "./cases bench " + benchmark.Name);
        var force = commandLine.Flag("force-doc");
        commandLine.EnsureAllUsed();
        if (load is null && pgBench is null)
        {
            throw new UsageException("report needs --api and/or --pgbench");
        }

        Console.WriteLine();
        Console.WriteLine($"== {benchmark.Name} summary ==");
        foreach (var line in Report.Verdict(benchmark, load, pgBench))
        {
            Console.WriteLine("  " + line.Replace("**", "", StringComparison.Ordinal));
        }

        var valid = (load?.Valid ?? true) && (pgBench?.Valid ?? true);
        if (documentPath is null)
        {
            return valid ? 0 : 2;
        }

        if (load is null || pgBench is null)
        {
            Console.WriteLine($"  {documentPath} not updated: it records only complete runs (API and pgbench).");
            return valid ? 0 : 2;
        }

        if (!valid && !force)
        {
            Console.WriteLine($"  {documentPath} not updated: the run had errors, so it is not a valid result (--force-doc to record it anyway).");
            return 2;
        }

        Report.Splice(documentPath, benchmark.Name, Report.Section(benchmark, load, pgBench, run));
        Console.WriteLine($"  {documentPath}: {benchmark.Name} section updated.");
        return valid ? 0 : 2;
    }

    private static async Task<int> DeadlinesAsync(CommandLine commandLine, CancellationToken cancellationToken)
    {
        var url = commandLine.Require("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || !IsLoopback(baseUrl))
        {
            throw new UsageException($"--url must be an absolute http URL on a loopback address, got '{url}'");
        }

        var connectionString = Environment.GetEnvironmentVariable("CASES_DB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new UsageException("CASES_DB (the bench database) is not set");
        }

        var parallelism = commandLine.Get("parallelism");
        var options = new DeadlinesOptions(
            baseUrl,
            connectionString,
            Positive(commandLine.Int("open", 100_000), "open"),
            Positive(commandLine.Int("due-together", 10_000), "due-together"),
            Positive(commandLine.Int("warmup-deadlines", 2_000), "warmup-deadlines"),
            Positive(commandLine.Int("rate", 50), "rate"),
            Positive(commandLine.Int("steady", 60), "steady"),
            Positive(commandLine.Int("lead", 40), "lead"),
            Positive(commandLine.Int("target", 60), "target"),
            Positive(commandLine.Int("timeout", 180), "timeout"),
            Positive(commandLine.Int("arithmetic", 5), "arithmetic"),
            commandLine.Get("sweep-interval") ?? "01:00:00",
            parallelism is null ? null : Positive(commandLine.Int("parallelism", 0), "parallelism"),
            commandLine.Get("api-log"),
            ProcessIdOrNull(commandLine.Get("api-pid")),
            ProcessIdOrNull(commandLine.Get("pg-pid")));
        if (options.DueTogether > options.OpenDeadlines)
        {
            throw new UsageException("--due-together must not exceed --open");
        }

        var jsonPath = commandLine.Get("json");
        var documentPath = commandLine.Get("doc");
        var run = new RunDetails(
            commandLine.Get("commit") ?? "unknown",
            commandLine.Get("pg-version") ?? "unknown",
            commandLine.Get("pg-settings") ?? "settings unknown",
            commandLine.Get("command") ?? "./cases bench deadlines");
        commandLine.EnsureAllUsed();

        var result = await new DeadlinesBench(options, Console.Out).RunAsync(cancellationToken);
        if (jsonPath is not null)
        {
            WriteJson(jsonPath, result);
        }

        Console.WriteLine();
        Console.WriteLine("== deadlines summary ==");
        foreach (var line in DeadlinesReport.Verdict(result))
        {
            Console.WriteLine("  " + line.Replace("**", "", StringComparison.Ordinal));
        }

        if (documentPath is not null)
        {
            if (result.Valid)
            {
                Report.Splice(documentPath, "deadlines", DeadlinesReport.Section(result, run));
                Console.WriteLine($"  {documentPath}: deadlines section updated.");
            }
            else
            {
                Console.WriteLine($"  {documentPath} not updated: not every deadline took effect exactly once, so the run is not a valid result.");
            }
        }

        return result.Valid ? 0 : 2;
    }

    private static int Arithmetic(CommandLine commandLine)
    {
        var duration = Positive(commandLine.Int("duration", 5), "duration");
        commandLine.EnsureAllUsed();
        var result = DeadlineArithmeticThroughput.Measure(TimeSpan.FromSeconds(duration));
        Console.WriteLine($"DeadlineArithmetic.ExpiryOf: {result.ExpiryOfPerSecond.ToString("N0", CultureInfo.InvariantCulture)} computations/s " +
                          $"({result.ExpiryOfComputations.ToString("N0", CultureInfo.InvariantCulture)} in {duration} s, {result.ExpiryOfBytesAllocatedPerComputation.ToString("0.##", CultureInfo.InvariantCulture)} bytes allocated each)");
        Console.WriteLine($"DeadlineArithmetic.Compute:  {result.ComputePerSecond.ToString("N0", CultureInfo.InvariantCulture)} computations/s with explanation " +
                          $"({result.ComputeComputations.ToString("N0", CultureInfo.InvariantCulture)} in {duration} s)");
        return 0;
    }

    private static int ConnectionString(CommandLine commandLine)
    {
        var database = commandLine.Require("database");
        commandLine.EnsureAllUsed();
        var source = Environment.GetEnvironmentVariable("CASES_DB");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new UsageException("CASES_DB is not set");
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = source };
        foreach (var key in builder.Keys.Cast<string>().ToList())
        {
            if (key.Equals("database", StringComparison.OrdinalIgnoreCase) || key.Equals("db", StringComparison.OrdinalIgnoreCase))
            {
                builder.Remove(key);
            }
        }

        builder["Database"] = database;
        Console.WriteLine(builder.ConnectionString);
        return 0;
    }

    private static int FreePort(CommandLine commandLine)
    {
        commandLine.EnsureAllUsed();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static bool IsLoopback(Uri url) =>
        url.Scheme == Uri.UriSchemeHttp
        && (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    private static int Positive(int value, string name) => value > 0 ? value : throw new UsageException($"--{name} must be > 0");

    private static int? ProcessIdOrNull(string? value) =>
        value is null or "" ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var processId) ? processId
        : throw new UsageException($"expected a pid, got '{value}'");

    private static void WriteJson<T>(string path, T value)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(value, JsonOptions) + "\n");
    }

    private static T? ReadJson<T>(string? path)
        where T : class
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"'{path}' does not exist");
        }

        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions)
               ?? throw new BenchmarkFailedException($"'{path}' holds no result");
    }
}
