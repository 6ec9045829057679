namespace Cases.Benchmarks;

/// <summary>
/// Measures where the CPU went over a window, from /proc: the API process, PostgreSQL (the postmaster and
/// its children when its pid is known, else every process named postgres), the load generator (this
/// process, or a child such as pgbench), and the whole machine (/proc/stat). Samples every 200 ms so that
/// processes that start and exit inside the window (pgbench's backends) are counted too.
/// </summary>
internal sealed class CpuTracker : IAsyncDisposable
{
    private const double TicksPerSecond = 100.0; // USER_HZ; sysconf is not reachable without P/Invoke.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly int? _apiProcessId;
    private readonly int? _postmasterProcessId;
    private readonly Dictionary<int, long> _previous = [];
    private readonly long[] _totals = new long[4];
    private readonly CancellationTokenSource _stop = new();
    private readonly long _startTimestamp;
    private readonly (long Busy, long Total) _startMachine;
    private readonly Task _loop;

    private CpuTracker(int? apiProcessId, int? postmasterProcessId, int? loadProcessId)
    {
        _apiProcessId = apiProcessId;
        _postmasterProcessId = postmasterProcessId;
        LoadProcessId = loadProcessId;
        _startMachine = ReadMachine();
        _startTimestamp = Stopwatch.GetTimestamp();
        Sample(baseline: true);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// The load generator's pid: this process for intake, pgbench's once it has started (set late because pgbench
    /// starts after the tracker; this process counts too).
    /// </summary>
    public int? LoadProcessId { get; set; }

    public static CpuTracker Start(int? apiProcessId, int? postmasterProcessId, int? loadProcessId) =>
        new(apiProcessId, postmasterProcessId, loadProcessId);

    public async Task<CpuCores> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_previous)
        {
            Sample(baseline: false);
        }

        var seconds = (Stopwatch.GetTimestamp() - _startTimestamp) / (double)Stopwatch.Frequency;
        var machine = ReadMachine();
        double Cores(long ticks) => seconds > 0 ? Math.Round(ticks / TicksPerSecond / seconds, 2) : 0;
        var api = _apiProcessId is null ? (double?)null : Cores(_totals[0]);
        var postgres = Cores(_totals[1]);
        var load = LoadProcessId is null ? (double?)null : Cores(_totals[2]);
        var machineTicks = machine.Total - _startMachine.Total;
        var busy = machineTicks > 0
            ? Math.Round((machine.Busy - _startMachine.Busy) / (double)machineTicks * Environment.ProcessorCount, 2)
            : 0;
        var others = Cores(_totals[3]);
        var kernel = Math.Round(Math.Max(0, busy - (api ?? 0) - postgres - (load ?? 0) - others), 2);
        return new CpuCores(api, postgres, load, others, kernel, busy, Environment.ProcessorCount);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(Interval, _stop.Token);
                lock (_previous)
                {
                    Sample(baseline: false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample(bool baseline)
    {
        var seen = new HashSet<int>();
        foreach (var directory in ProcessDirectories())
        {
            if (ReadStat(directory) is not { } process)
            {
                continue;
            }

            seen.Add(process.ProcessId);
            // A pid not seen before started after the previous sample: all of its CPU is new.
            var delta = _previous.TryGetValue(process.ProcessId, out var before) && process.Ticks >= before
                ? process.Ticks - before
                : process.Ticks;
            _previous[process.ProcessId] = process.Ticks;
            if (baseline)
            {
                continue;
            }

            // Kernel threads (children of kthreadd, pid 2) are left to the "kernel" remainder.
            var group = process.ProcessId == _apiProcessId ? 0
                : process.ProcessId == LoadProcessId || process.ProcessId == Environment.ProcessId ? 2
                : IsPostgres(process) ? 1
                : process.ProcessId == 2 || process.ParentProcessId == 2 ? -1
                : 3;
            if (group >= 0)
            {
                _totals[group] += delta;
            }
        }

        foreach (var gone in _previous.Keys.Where(processId => !seen.Contains(processId)).ToList())
        {
            _previous.Remove(gone);
        }
    }

    private bool IsPostgres((int ProcessId, string Name, int ParentProcessId, long Ticks) process) =>
        _postmasterProcessId is { } postmasterProcessId
            ? process.ProcessId == postmasterProcessId || process.ParentProcessId == postmasterProcessId
            : process.Name is "postgres" or "postmaster";

    private static IEnumerable<string> ProcessDirectories()
    {
        string[] directories;
        try
        {
            directories = Directory.GetDirectories("/proc");
        }
        catch (IOException)
        {
            yield break;
        }

        foreach (var directory in directories)
        {
            var name = Path.GetFileName(directory.AsSpan());
            if (name.Length > 0 && char.IsAsciiDigit(name[0]))
            {
                yield return directory;
            }
        }
    }

    /// <summary>pid, comm, ppid and utime+stime from /proc/PID/stat (comm may hold spaces and parentheses).</summary>
    private static (int ProcessId, string Name, int ParentProcessId, long Ticks)? ReadStat(string directory)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= text.Length)
        {
            return null;
        }

        // Fields after ")": state(3) ppid(4) ... utime(14) stime(15); index 0 here is field 3.
        var rest = text[(close + 2)..].Split(' ');
        if (rest.Length < 13
            || !int.TryParse(text.AsSpan(0, open).Trim(), CultureInfo.InvariantCulture, out var processId)
            || !int.TryParse(rest[1], CultureInfo.InvariantCulture, out var parentProcessId)
            || !long.TryParse(rest[11], CultureInfo.InvariantCulture, out var userTicks)
            || !long.TryParse(rest[12], CultureInfo.InvariantCulture, out var systemTicks))
        {
            return null;
        }

        return (processId, text[(open + 1)..close], parentProcessId, userTicks + systemTicks);
    }

    private static (long Busy, long Total) ReadMachine()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(candidate => candidate.StartsWith("cpu ", StringComparison.Ordinal));
            var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            // Only the first 8 fields, user nice system idle iowait irq softirq steal: guest is already counted in user.
            var total = ticks.Take(8).Sum();
            var idle = ticks[3] + (ticks.Length > 4 ? ticks[4] : 0);
            return (total - idle, total);
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return (0, 0);
        }
    }
}

/// <summary>
/// Average cores busy over a window: 1.0 = one core fully used. LoadGenerator is pgbench in its half.
/// Other is every other user process (someone's build, say); Kernel is the rest of the machine's busy time
/// (loopback networking in softirq, kernel threads).
/// </summary>
internal sealed record CpuCores(
    double? Api, double Postgres, double? LoadGenerator, double Other, double Kernel, double MachineBusy, int Cores);
