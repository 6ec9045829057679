using System.Net;

namespace Cases.Benchmarks;

/// <summary>
/// ./cases bench actions: workflow actions (POST /api/cases/{id}/actions/{action}) on rights-defence cases. Setup
/// files <see cref="CasesPerClient"/> cases per client and takes each to Investigation; then every client works on its
/// own cases in turn, taking on each the next action of <see cref="Cycle"/>. The expected answer is 200.
/// </summary>
internal sealed class ActionsWorkload : IWorkload
{
    /// <summary>Cases each client owns; actions.pgbench.sql and actions.pgbench-setup.sql assume the same number.</summary>
    public const int CasesPerClient = 4;

    public static readonly BenchmarkDescription Description = new(
        Name: "actions",
        Heading: "actions: workflow actions (`POST /api/cases/{id}/actions/{action}`)",
        Noun: "action",
        Target: new Target(MinThroughput: 1000, MaxP99Milliseconds: 50, AtClients: 64),
        TargetNote: " (set for this 2-core machine, on which the API, the load generator and PostgreSQL share the cores)",
        PgBenchScript:
        [
            "in one transaction what one action does,",
            "with the statements EF Core sends (taken from its command log): the case read with its clocks, parties and rights in one joined query;",
            "then, in half the transactions, `sendInformationNotice` (the recipient centre's lookup, then in one pipeline the `case_events` row,",
            "`UPDATE cases … WHERE id = … AND version = …` and the `outbox_messages` row); in the other half `suspendCase` or `resumeCase`, by the",
            "case's state (in one pipeline the `case_clocks` update, the `case_events` row, the case update and the `case_clock_operations` row).",
            "Each client works on its own 4 cases, seeded by `actions.pgbench-setup.sql` as the API's setup leaves them. It is the reference: the",
            "same statements with no HTTP, JSON, validation, workflow engine or ORM in the way, and the same round trips (the writes in one, as",
            "EF Core batches them) but one: pgbench sends `BEGIN` on its own, where Npgsql sends it with the read.",
        ],
        WaitingFor: "commits, round trips, the API's connection pool",
        HowMeasured:
        [
            "How it is measured: `bench.sh` builds `src/Cases.Api` in Release, recreates the database `cases_bench`, starts the API",
            "(`ASPNETCORE_ENVIRONMENT=Production`, logging at Warning) on a free loopback port, creates one centre per region, then",
            $"`Cases.Benchmarks actions` files {CasesPerClient} rights-defence cases per client of the largest level (spread over the 11 centres) and takes",
            "each through `acceptCase`, `serveRespondent` and `recordDefence` to `Investigation`; none of that is measured. Each client then works",
            "only on its own cases, one after the other, taking on each the next step of the cycle `sendInformationNotice` → `suspendCase` →",
            "`sendInformationNotice` → `resumeCase`: half the actions stay in place and write a timeline entry and an outbox message (after",
            "looking the recipient centre up); the other half move the case and write a timeline entry, a clock operation and the clock",
            "(`HandlingDecision` paused or resumed). Every request carries the load generator's bearer token (a system administrator's; the token is looked up by hash on each request); closed loop",
            "over one shared `SocketsHttpHandler`. Every request started in the measured window is timed; any answer other than 200 is an error,",
            "and a run with errors is not a valid result. pgbench then runs against `cases_bench_pgbench`, migrated by the API's own migrator and",
            "seeded with equivalent cases, on the same server. Raw results: `tests/Cases.Benchmarks/bin/bench/results/`.",
        ]);


    // How many cases the setup files and advances at once: enough to keep the API busy, few enough not to time out.
    private const int SetupConcurrency = 16;

    private static readonly Uri CasesUri = new("/api/cases", UriKind.Relative);

    // Stays in place, in Investigation as in Suspended: the recipient centre's lookup, a timeline entry, an outbox message.
    private static readonly Step InformationNotice = new("sendInformationNotice", new
    {
        recipient = "HK",
        subject = "Repeat infringer",
        message = "被请求人在香港亦销售同类侵权产品，请予关注。 The respondent also sells the infringing products in Hong Kong.",
    });

    /// <summary>
    /// The measured cycle, starting and ending in Investigation: the in-place notice in each state, and the
    /// suspend/resume pair, which pauses and resumes the HandlingDecision clock as often as it is taken.
    /// </summary>
    private static readonly Step[] Cycle =
    [
        InformationNotice,
        new("suspendCase", new
        {
            ground = "InvalidationRequestPending",
            reason = "被请求人已就涉案专利提出无效宣告请求。 The respondent has asked CNIPA to invalidate the patent.",
        }),
        InformationNotice,
        new("resumeCase", new
        {
            reason = "国家知识产权局维持专利权有效。 CNIPA upheld the patent.",
        }),
    ];

    // Where the cycle stands when a case is found in each state (after an error).
    private static readonly Dictionary<string, int> CyclePositionOf = new(StringComparer.Ordinal)
    {
        ["Investigation"] = 0,
        ["Suspended"] = 2,
    };

    private TrackedCase[] _cases = [];

    public string Name => Description.Name;

    public async Task PrepareAsync(HttpClient http, int maxClients, TextWriter log, CancellationToken cancellationToken)
    {
        var count = maxClients * CasesPerClient;
        var regions = Filings.Regions.Length;
        var bodies = Filings.BuildBodies((count + regions - 1) / regions * regions, onlyKind: "RightsDefence");
        var started = Stopwatch.GetTimestamp();
        var cases = new TrackedCase[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency, CancellationToken = cancellationToken },
            async (index, token) => cases[index] = await OpenCaseAsync(http, bodies[index], Filings.Regions[index % regions], token));
        _cases = cases;
        log.WriteLine($"{Name}: filed {count} rights-defence cases ({CasesPerClient} per client) and took them to Investigation "
                      + $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}s");
    }

    public LoadClient Client(int index) => new ActionsClient(_cases.AsMemory(index * CasesPerClient, CasesPerClient));

    /// <summary>A request of the bench user (the shared client carries its bearer token).</summary>
    private static HttpRequestMessage BenchUserRequest(HttpMethod method, Uri uri, byte[]? body)
    {
        var request = body is null ? new HttpRequestMessage(method, uri) : LoadClient.Post(uri, body);
        return request;
    }

    /// <summary>Files one case and takes it to Investigation, the state the cycle starts from.</summary>
    private static async Task<TrackedCase> OpenCaseAsync(HttpClient http, byte[] filing, string region, CancellationToken cancellationToken)
    {
        Uri location;
        using (var response = await SendAsync(http, BenchUserRequest(HttpMethod.Post, CasesUri, filing), HttpStatusCode.Created, cancellationToken))
        {
            location = response.Headers.Location ?? throw new BenchmarkFailedException("POST /api/cases answered 201 without a Location");
        }

        var tracked = new TrackedCase(location);
        (string Action, object Payload)[] path =
        [
            ("acceptCase", new { infringementRegion = region }),
            ("serveRespondent", new { servedOn = "2026-03-03" }),
            ("recordDefence", new { }),
        ];
        foreach (var (action, payload) in path)
        {
            var request = BenchUserRequest(HttpMethod.Post, tracked.ActionUri(action), Step.Body(payload));
            using var response = await SendAsync(http, request, HttpStatusCode.OK, cancellationToken);
        }

        return tracked;
    }

    /// <summary>Sends a setup request (and disposes it); any other answer than <paramref name="expected"/> stops the run.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != expected)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                response.Dispose();
                throw new BenchmarkFailedException(
                    $"setup: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {ClosedLoopLoad.Truncate(text, 500)}");
            }

            return response;
        }
    }

    private sealed record Step(string Action, byte[] RequestBody)
    {
        public Step(string action, object payload)
            : this(action, Body(payload))
        {
        }

        /// <summary>The body of an action; a null expectedVersion, since each case has only one client.</summary>
        public static byte[] Body(object payload) => Filings.Serialize(new { expectedVersion = (int?)null, payload });
    }

    /// <summary>A case the benchmark owns, and where it stands in the cycle.</summary>
    private sealed class TrackedCase(Uri location)
    {
        public Uri Location { get; } = location;

        // One URI per step of the cycle, built once.
        public Uri[] StepUris { get; } = [.. Cycle.Select(step => ActionUriOf(location, step.Action))];

        public int Position { get; set; }

        public Uri ActionUri(string action) => ActionUriOf(Location, action);

        private static Uri ActionUriOf(Uri location, string action) => new(location + "/actions/" + action, UriKind.RelativeOrAbsolute);
    }

    /// <summary>Takes the next step on each of its cases in turn.</summary>
    private sealed class ActionsClient(ReadOnlyMemory<TrackedCase> cases) : LoadClient
    {
        private int _next;

        private TrackedCase Current => cases.Span[_next];

        public override HttpRequestMessage NextRequest()
        {
            var tracked = Current;
            return BenchUserRequest(HttpMethod.Post, tracked.StepUris[tracked.Position], Cycle[tracked.Position].RequestBody);
        }

        public override string? Check(HttpResponseMessage response)
        {
            var tracked = Current;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Cycle[tracked.Position].Action + ": " + HttpError(response);
            }

            tracked.Position = (tracked.Position + 1) % Cycle.Length;
            _next = (_next + 1) % cases.Length;
            return null;
        }

        /// <summary>Reads the case's state back, so that one failed action does not make every later one fail too.</summary>
        public override async Task RecoverAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var tracked = Current;
            using var response = await SendAsync(http, BenchUserRequest(HttpMethod.Get, tracked.Location, body: null), HttpStatusCode.OK, cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var state = document.RootElement.GetProperty("state").GetString() ?? "";
            tracked.Position = CyclePositionOf.TryGetValue(state, out var position)
                ? position
                : throw new BenchmarkFailedException($"case {tracked.Location} is in state '{state}', outside the benchmark's cycle");
            _next = (_next + 1) % cases.Length;
        }
    }
}
