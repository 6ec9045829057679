using System.Net;

namespace Cases.Benchmarks;

/// <summary>
/// ./cases bench intake: every client files cases (POST /api/cases), the bodies spread round-robin over the
/// 11 centres; the expected answer is 201 with a Location.
/// </summary>
internal sealed class IntakeWorkload : IWorkload
{
    public static readonly BenchmarkDescription Description = new(
        Name: "intake",
        Heading: "intake: filing cases (`POST /api/cases`)",
        Noun: "filing",
        Target: new Target(MinThroughput: 1500, MaxP99Milliseconds: 50, AtClients: 64),
        TargetNote: " (the target was set on a reference machine where pgbench did ≈ 6,500 tx/s for such a transaction; this machine's own pgbench figures are below)",
        PgBenchScript:
        [
            "in one transaction the counter upsert over the",
            "11 centres (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`), the case, 2 parties, 1 right and the `CaseFiled` event",
            "(for a rights-defence filing also the `AcceptanceDecision` clock its first state starts, and that clock operation).",
            "It is the reference: the same rows with no HTTP, JSON, validation or ORM in the way, one round trip per statement.",
        ],
        WaitingFor: "locks on the counter rows, commits, round trips",
        HowMeasured:
        [
            "How it is measured: `bench.sh` builds `src/Cases.Api` in Release, recreates the database `cases_bench`, starts the API",
            "(`ASPNETCORE_ENVIRONMENT=Production`, logging at Warning) on a free loopback port, creates one centre per region,",
            "then `Cases.Benchmarks intake` drives `POST /api/cases` from N concurrent clients over one shared `SocketsHttpHandler`,",
            "each client awaiting its answer before sending the next (closed loop), filings spread round-robin over the 11 centres.",
            "Every request started in the measured window is timed; any answer other than 201 with a Location is an error, and",
            "a run with errors is not a valid result. pgbench then runs against `cases_bench_pgbench`, migrated by the API's own",
            "migrator, on the same server. Raw results: `tests/Cases.Benchmarks/bin/bench/results/`.",
        ]);

    private static readonly Uri CasesUri = new("/api/cases", UriKind.Relative);

    private readonly byte[][] _bodies = Filings.BuildBodies(Filings.Regions.Length * 97);

    // Shared by every client, so that consecutive filings use different bodies; -1 so the first is body 0.
    private long _sequence = -1;

    public string Name => Description.Name;

    public Task PrepareAsync(HttpClient http, int maxClients, TextWriter log, CancellationToken cancellationToken) => Task.CompletedTask;

    public LoadClient Client(int index) => new IntakeClient(this);

    private sealed class IntakeClient(IntakeWorkload workload) : LoadClient
    {
        public override HttpRequestMessage NextRequest()
        {
            var bodies = workload._bodies;
            var index = (int)((ulong)Interlocked.Increment(ref workload._sequence) % (ulong)bodies.Length);
            return Post(CasesUri, bodies[index]);
        }

        public override string? Check(HttpResponseMessage response) =>
            response.StatusCode == HttpStatusCode.Created
                ? response.Headers.Location is null ? "201 without Location" : null
                : HttpError(response);
    }
}
