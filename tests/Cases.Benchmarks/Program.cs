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
          pgbench  --db NAME --script FILE [--clients 16,64] [--duration 20] [--warmup 5] [--jobs 2]
                   [--log-dir DIR] [--pg-pid PID] [--json FILE]      (connection from PG* variables)
          report   [--intake FILE] [--pgbench FILE] [--doc docs/benchmarks.md] [--commit SHA]
                   [--pg-version TEXT] [--pg-settings TEXT] [--command TEXT] [--force-doc]
                   Prints the summary and rewrites the intake section of --doc (refused if the run had errors).
          conn-string --database NAME      CASES_DB with its database replaced
          free-port                        a free TCP port on 127.0.0.1
        """;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        // bench.sh stops us with SIGTERM: cancel, so that a running pgbench is killed too.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cts.Cancel();
        });

        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 64 : 0;
        }

        try
        {
            var cli = new Cli(args.Skip(1), new HashSet<string>(StringComparer.Ordinal) { "force-doc" });
            return args[0] switch
            {
                "intake" => await IntakeAsync(cli, cts.Token),
                "pgbench" => await PgBenchAsync(cli, cts.Token),
                "report" => ReportCommand(cli),
                "conn-string" => ConnString(cli),
                "free-port" => FreePort(cli),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync("Cases.Benchmarks: " + e.Message + "\n\n" + Usage);
            return 64;
        }
        catch (BenchmarkFailedException e)
        {
            await Console.Error.WriteLineAsync("Cases.Benchmarks: " + e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cases.Benchmarks: cancelled");
            return 130;
        }
    }

    private static async Task<int> IntakeAsync(Cli cli, CancellationToken ct)
    {
        var url = cli.Require("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || !IsLoopback(baseUrl))
        {
            throw new UsageException($"--url must be an absolute http URL on a loopback address, got '{url}'");
        }

        var options = new IntakeOptions(
            baseUrl,
            cli.IntList("clients", [1, 16, 64]),
            Positive(cli.Int("duration", 20), "duration"),
            cli.Int("warmup", 5),
            cli.Int("prewarm", 30),
            Positive(cli.Int("health-timeout", 120), "health-timeout"),
            cli.Long("max-requests", 5_000_000),
            NullableInt(cli.Get("api-pid")),
            NullableInt(cli.Get("pg-pid")));
        var json = cli.Get("json");
        var markdown = cli.Get("markdown");
        cli.EnsureAllUsed();

        var result = await new IntakeLoad(options, Console.Out).RunAsync(ct);
        if (json is not null)
        {
            WriteJson(json, result);
        }

        if (markdown is not null)
        {
            File.WriteAllText(markdown, Report.IntakeSection(result, null, new RunInfo("?", "?", "?", "Cases.Benchmarks intake")));
        }

        if (!result.Valid)
        {
            await Console.Error.WriteLineAsync("intake: some requests did not answer 201: this run is not a valid result");
            return 2;
        }

        return 0;
    }

    private static async Task<int> PgBenchAsync(Cli cli, CancellationToken ct)
    {
        var options = new PgBenchOptions(
            cli.Require("db"),
            cli.Require("script"),
            cli.IntList("clients", [16, 64]),
            Positive(cli.Int("duration", 20), "duration"),
            cli.Int("warmup", 5),
            Positive(cli.Int("jobs", 2), "jobs"),
            cli.Get("log-dir") ?? Path.Combine(Path.GetTempPath(), "cases-pgbench"),
            NullableInt(cli.Get("pg-pid")));
        var json = cli.Get("json");
        cli.EnsureAllUsed();
        if (!File.Exists(options.Script))
        {
            throw new UsageException($"pgbench script '{options.Script}' does not exist");
        }

        var result = await new PgBench(options, Console.Out).RunAsync(ct);
        if (json is not null)
        {
            WriteJson(json, result);
        }

        return result.Valid ? 0 : 2;
    }

    private static int ReportCommand(Cli cli)
    {
        var intake = ReadJson<IntakeResult>(cli.Get("intake"));
        var pg = ReadJson<PgBenchResult>(cli.Get("pgbench"));
        var doc = cli.Get("doc");
        var info = new RunInfo(
            cli.Get("commit") ?? "unknown",
            cli.Get("pg-version") ?? "unknown",
            cli.Get("pg-settings") ?? "settings unknown",
            cli.Get("command") ?? "./cases bench intake");
        var force = cli.Flag("force-doc");
        cli.EnsureAllUsed();
        if (intake is null && pg is null)
        {
            throw new UsageException("report needs --intake and/or --pgbench");
        }

        Console.WriteLine();
        Console.WriteLine("== intake summary ==");
        foreach (var line in Report.Verdict(intake, pg))
        {
            Console.WriteLine("  " + line.Replace("**", "", StringComparison.Ordinal));
        }

        var valid = (intake?.Valid ?? true) && (pg?.Valid ?? true);
        if (doc is null)
        {
            return valid ? 0 : 2;
        }

        if (intake is null || pg is null)
        {
            Console.WriteLine($"  {doc} not updated: it records only complete runs (API and pgbench).");
            return valid ? 0 : 2;
        }

        if (!valid && !force)
        {
            Console.WriteLine($"  {doc} not updated: the run had errors, so it is not a valid result (--force-doc to record it anyway).");
            return 2;
        }

        Report.Splice(doc, "intake", Report.IntakeSection(intake, pg, info));
        Console.WriteLine($"  {doc}: intake section updated.");
        return valid ? 0 : 2;
    }

    private static int ConnString(Cli cli)
    {
        var database = cli.Require("database");
        cli.EnsureAllUsed();
        var source = Environment.GetEnvironmentVariable("CASES_DB");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new UsageException("CASES_DB is not set");
        }

        var b = new DbConnectionStringBuilder { ConnectionString = source };
        foreach (var key in b.Keys.Cast<string>().ToList())
        {
            if (key.Equals("database", StringComparison.OrdinalIgnoreCase) || key.Equals("db", StringComparison.OrdinalIgnoreCase))
            {
                b.Remove(key);
            }
        }

        b["Database"] = database;
        Console.WriteLine(b.ConnectionString);
        return 0;
    }

    private static int FreePort(Cli cli)
    {
        cli.EnsureAllUsed();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static bool IsLoopback(Uri u) =>
        u.Scheme == Uri.UriSchemeHttp && (u.IsLoopback || (IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static int Positive(int v, string name) => v > 0 ? v : throw new UsageException($"--{name} must be > 0");

    private static int? NullableInt(string? v) =>
        v is null or "" ? null
        : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new UsageException($"expected a pid, got '{v}'");

    private static void WriteJson<T>(string path, T value)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
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
