using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace Cases.Benchmarks;

internal sealed record LoadOptions(
    Uri BaseUrl,
    string ConnectionString,
    int[] Clients,
    int DurationSeconds,
    int WarmupSeconds,
    int PrewarmSeconds,
    int HealthTimeoutSeconds,
    long MaxRequestsPerLevel,
    int? ApiProcessId,
    int? PostmasterProcessId);

internal sealed record LoadLevel(
    int Clients,
    long Requests,
    long Errors,
    Dictionary<string, long> ErrorKinds,
    List<string> ErrorSamples,
    double ElapsedSeconds,
    double ThroughputPerSecond,
    [property: JsonPropertyName("latencyMs")] LatencySummary LatencyMilliseconds,
    CpuCores Cpu);

internal sealed record LoadResult(
    string Benchmark,
    string Url,
    DateTime StartedUtc,
    int PrewarmSeconds,
    int WarmupSeconds,
    int DurationSeconds,
    List<LoadLevel> Levels)
{
    public bool Valid => Levels.Count > 0 && Levels.All(level => level.Errors == 0 && level.Requests > 0);
}

/// <summary>What one benchmark drives over HTTP: its unmeasured setup, and one closed-loop client per index.</summary>
internal interface IWorkload
{
    string Name { get; }

    /// <summary>Runs once after the centres exist and before any load; nothing here is measured.</summary>
    Task PrepareAsync(HttpClient http, int maxClients, TextWriter log, CancellationToken cancellationToken);

    /// <summary>
    /// The client with this index. The same index gets the same client at every level, so that a client can keep
    /// state (the cases it owns and where each stands) from one level to the next.
    /// </summary>
    LoadClient Client(int index);
}

/// <summary>One closed-loop client: what it sends next and whether the answer is the expected one.</summary>
internal abstract class LoadClient
{
    public static readonly MediaTypeHeaderValue JsonType = new("application/json");

    /// <summary>The next request; the loop sends it, times it and disposes it.</summary>
    public abstract HttpRequestMessage NextRequest();

    /// <summary>
    /// Called with the answer's headers: null when it is the expected one (the client then moves on), else the kind
    /// of error to report.
    /// </summary>
    public abstract string? Check(HttpResponseMessage response);

    /// <summary>
    /// Called after a request that failed or got no answer, before the next request, untimed: a client that tracks
    /// server state resynchronises here so that one error does not cascade into more.
    /// </summary>
    public virtual Task RecoverAsync(HttpClient http, CancellationToken cancellationToken) => Task.CompletedTask;

    protected static string HttpError(HttpResponseMessage response) =>
        "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);

    public static HttpRequestMessage Post(Uri uri, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
    }
}

/// <summary>
/// Closed-loop load: N clients, each awaiting its own request before sending the next, over one shared
/// SocketsHttpHandler. Per level: warm-up, then a measured window; every request that starts inside the window is
/// timed (Stopwatch ticks) and any answer the workload does not expect is an error.
/// </summary>
internal sealed class ClosedLoopLoad(LoadOptions options, IWorkload workload, TextWriter log)
{
    private string Name => workload.Name;

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var maxClients = options.Clients.Max();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxClients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var http = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

        await WaitHealthyAsync(http, cancellationToken);
        await BenchAccount.SignInAsync(http, options.ConnectionString, cancellationToken);
        await CreateCentresAsync(http, cancellationToken);
        await workload.PrepareAsync(http, maxClients, log, cancellationToken);

        var clients = new LoadClient[maxClients];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = workload.Client(i);
        }

        var levels = new List<LoadLevel>();

        // One long warm-up under load before the first level: on 2 cores the API's tiered JIT keeps
        // recompiling hot methods for 20-25 s of load, and that CPU would otherwise be measured.
        LoadLevel? prewarm = null;
        if (options.PrewarmSeconds > 0)
        {
            var prewarmClients = Math.Min(16, maxClients);
            log.WriteLine($"{Name}: warming up the API (JIT tiering): {options.PrewarmSeconds}s at {prewarmClients} clients ...");
            prewarm = await RunLevelAsync(http, clients.AsMemory(0, prewarmClients), options.PrewarmSeconds, 0, cancellationToken);
        }

        foreach (var clientCount in options.Clients)
        {
            cancellationToken.ThrowIfCancellationRequested();
            log.WriteLine($"{Name}: {clientCount} client(s): {options.WarmupSeconds}s warm-up, {options.DurationSeconds}s measured ...");
            var level = await RunLevelAsync(http, clients.AsMemory(0, clientCount), options.WarmupSeconds, options.DurationSeconds, cancellationToken);
            if (prewarm is { Errors: > 0 })
            {
                // Errors while warming up still make the run invalid: carry them into the first level.
                foreach (var (kind, count) in prewarm.ErrorKinds)
                {
                    level.ErrorKinds["pre-" + kind] = count;
                }

                level = level with { Errors = level.Errors + prewarm.Errors, ErrorSamples = [.. prewarm.ErrorSamples, .. level.ErrorSamples] };
                prewarm = null;
            }

            levels.Add(level);
            log.WriteLine(
                $"{Name}: {clientCount,3} clients  {level.Requests,8} req  {level.Errors,5} err  {level.ThroughputPerSecond,9:F1}/s  " +
                $"p50 {level.LatencyMilliseconds.P50:F2}  p95 {level.LatencyMilliseconds.P95:F2}  " +
                $"p99 {level.LatencyMilliseconds.P99:F2}  max {level.LatencyMilliseconds.Max:F2} ms  " +
                $"cpu api {level.Cpu.Api:F2} pg {level.Cpu.Postgres:F2} gen {level.Cpu.LoadGenerator:F2} kernel {level.Cpu.Kernel:F2} other {level.Cpu.Other:F2} machine {level.Cpu.MachineBusy:F2}/{level.Cpu.Cores}");
            foreach (var (kind, count) in level.ErrorKinds)
            {
                log.WriteLine($"{Name}:       error {kind}: {count}");
            }

            foreach (var sample in level.ErrorSamples)
            {
                log.WriteLine($"{Name}:       e.g. {sample}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return new LoadResult(Name, options.BaseUrl.ToString(), started, options.PrewarmSeconds, options.WarmupSeconds, options.DurationSeconds, levels);
    }

    public static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text.ReplaceLineEndings(" ") : text[..maxLength].ReplaceLineEndings(" ") + "…";

    private async Task WaitHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)options.HealthTimeoutSeconds * Stopwatch.Frequency;
        string last = "no answer yet";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (options.ApiProcessId is { } processId && !Directory.Exists("/proc/" + processId.ToString(CultureInfo.InvariantCulture)))
            {
                throw new BenchmarkFailedException($"the API process {processId} exited before /healthz answered 200 (last: {last})");
            }

            try
            {
                // Each probe gets its own short timeout, so that one hung request does not use up the whole wait.
                using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probeTimeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync("/healthz", probeTimeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = "HTTP " + (int)response.StatusCode;
            }
            catch (Exception exception)
                when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = exception.GetType().Name + ": " + exception.Message;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new BenchmarkFailedException($"GET /healthz did not answer 200 within {options.HealthTimeoutSeconds}s (last: {last})");
    }

    private async Task CreateCentresAsync(HttpClient http, CancellationToken cancellationToken)
    {
        foreach (var region in Filings.Regions)
        {
            using var content = new ByteArrayContent(Filings.CentreBody(region));
            content.Headers.ContentType = LoadClient.JsonType;
            using var response = await http.PostAsync("/api/centres", content, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new BenchmarkFailedException($"POST /api/centres {region} answered {(int)response.StatusCode}: {Truncate(text, 500)}");
            }
        }

        log.WriteLine($"{Name}: {Filings.Regions.Length} centres present ({string.Join(' ', Filings.Regions)})");
    }

    private async Task<LoadLevel> RunLevelAsync(
        HttpClient http, ReadOnlyMemory<LoadClient> clients, int warmupSeconds, int durationSeconds, CancellationToken cancellationToken)
    {
        var frequency = Stopwatch.Frequency;
        var begin = Stopwatch.GetTimestamp();
        var measureStart = begin + (long)warmupSeconds * frequency;
        var measureEnd = measureStart + (long)durationSeconds * frequency;
        var state = new LevelState(options.MaxRequestsPerLevel);

        // Hard stop well after the window, so the loops end by themselves even if the API hangs.
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardStop.CancelAfter(TimeSpan.FromSeconds(warmupSeconds + durationSeconds + 60));

        var workers = new Task<ClientLog>[clients.Length];
        for (var i = 0; i < clients.Length; i++)
        {
            var client = clients.Span[i];
            workers[i] = Task.Run(() => ClientLoopAsync(http, client, state, measureStart, measureEnd, hardStop.Token), hardStop.Token);
        }

        var delay = TimeSpan.FromSeconds((measureStart - Stopwatch.GetTimestamp()) / (double)frequency);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var cpu = CpuTracker.Start(options.ApiProcessId, options.PostmasterProcessId, Environment.ProcessId);
        await using var cpuScope = cpu;
        var clientLogs = await Task.WhenAll(workers);
        var cpuCores = await cpu.StopAsync();

        var total = clientLogs.Sum(clientLog => clientLog.Latencies.Count);
        var samples = new long[total];
        var offset = 0;
        var lastEnd = measureStart;
        foreach (var clientLog in clientLogs)
        {
            clientLog.Latencies.CopyTo(samples, offset);
            offset += clientLog.Latencies.Count;
            lastEnd = Math.Max(lastEnd, clientLog.LastEnd);
        }

        var elapsed = (lastEnd - measureStart) / (double)frequency;
        var errorKinds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var clientLog in clientLogs)
        {
            foreach (var (kind, count) in clientLog.ErrorKinds)
            {
                errorKinds[kind] = errorKinds.GetValueOrDefault(kind) + count;
            }
        }

        return new LoadLevel(
            clients.Length,
            total,
            clientLogs.Sum(clientLog => clientLog.Errors),
            errorKinds,
            state.Samples.ToList(),
            Math.Round(elapsed, 3),
            elapsed > 0 ? Math.Round(total / elapsed, 1) : 0,
            LatencySummary.From(samples, frequency),
            cpuCores);
    }

    private static async Task<ClientLog> ClientLoopAsync(
        HttpClient http, LoadClient client, LevelState state, long measureStart, long measureEnd, CancellationToken cancellationToken)
    {
        var log = new ClientLog();
        while (!cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= measureEnd)
            {
                break;
            }

            var measured = start >= measureStart;
            if (measured && Interlocked.Increment(ref state.Started) > state.MaxRequests)
            {
                break;
            }

            string? error = null;
            string? detail = null;
            try
            {
                using var request = client.NextRequest();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                error = client.Check(response);
                if (error is null)
                {
                    await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                }
                else
                {
                    detail = Truncate(await response.Content.ReadAsStringAsync(cancellationToken), 400);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error = "cancelled (hard stop)";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                error = exception is TaskCanceledException ? "timeout" : exception.GetType().Name;
                detail = exception.Message;
            }

            var end = Stopwatch.GetTimestamp();
            if (error is not null && !cancellationToken.IsCancellationRequested)
            {
                await RecoverAsync(http, client, state, cancellationToken);
            }

            if (!measured)
            {
                if (error is not null)
                {
                    // Warm-up errors are still errors: the result must not hide them.
                    log.Error("warm-up " + error);
                    state.Sample("warm-up " + error + ": " + detail);
                }

                continue;
            }

            log.Latencies.Add(end - start);
            log.LastEnd = end;
            if (error is not null)
            {
                log.Error(error);
                state.Sample(error + ": " + detail);
            }
        }

        return log;
    }

    private static async Task RecoverAsync(HttpClient http, LoadClient client, LevelState state, CancellationToken cancellationToken)
    {
        try
        {
            await client.RecoverAsync(http, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The next request fails again and retries; the error is already counted.
            state.Sample("recovery failed: " + exception.Message);
        }
    }

    private sealed class LevelState(long maxRequests)
    {
        public readonly long MaxRequests = maxRequests;
        public long Started;
        public readonly List<string> Samples = [];

        public void Sample(string text)
        {
            lock (Samples)
            {
                if (Samples.Count < 5)
                {
                    Samples.Add(text);
                }
            }
        }
    }

    private sealed class ClientLog
    {
        public readonly List<long> Latencies = new(capacity: 4096);
        public readonly Dictionary<string, long> ErrorKinds = new(StringComparer.Ordinal);
        public long Errors;
        public long LastEnd;

        public void Error(string kind)
        {
            Errors++;
            ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
        }
    }
}

internal sealed class BenchmarkFailedException(string message) : Exception(message);
