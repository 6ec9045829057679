using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Pipelines;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// A new workflow version applies to new cases only; running cases move to it only by an explicit
/// migration (流程版本迁移). Two nodes share one database: node A runs rights-defence v1 only, as
/// before the deployment; node B also has the v2 written below. Each test gets a database of its
/// own with four cases filed on v1 through node A: one left in Filed, one accepted (AwaitingService),
/// one served (AwaitingDefence) and one refused (terminal).
/// </summary>
public sealed class WorkflowVersionMigrationTests : IAsyncLifetime
{
    private const string Admin = "sysadmin";
    private const string Reason = "Intake and examination merged in the 2026 procedure";

    private static readonly Dictionary<string, string> FullMapping = new()
    {
        ["Filed"] = "Received",
        ["AwaitingService"] = "AwaitingService",
        ["AwaitingDefence"] = "UnderExamination",
    };

    private readonly CasesApi nodeA = new();
    private SecondNode? nodeB;
    private Guid filed;
    private Guid accepted;
    private Guid served;
    private Guid refused;

    private SecondNode NodeB => nodeB!;

    public async Task InitializeAsync()
    {
        await nodeA.InitializeAsync();
        var v1 = new Workflow(nodeA);
        filed = await v1.FileAsync(Filings.RightsDefence(title: "Left in Filed"));
        accepted = await v1.FileAsync(Filings.RightsDefence(title: "Accepted"));
        await v1.ActAsync(accepted, "acceptCase", new { infringementRegion = "GD" });
        served = await v1.FileAsync(Filings.RightsDefence(title: "Served"));
        await v1.ActAsync(served, "acceptCase", new { infringementRegion = "GD" });
        await v1.ActAsync(served, "serveRespondent", new { servedOn = "2026-03-02" });
        refused = await v1.FileAsync(Filings.RightsDefence(title: "Refused"));
        await v1.ActAsync(refused, "refuseCase", new { reason = "Not a patent matter" });
        nodeB = new SecondNode(nodeA, new ExtraWorkflowSource(Version2()));
    }

    public async Task DisposeAsync()
    {
        if (nodeB is not null)
        {
            await nodeB.DisposeAsync();
        }

        await ((IAsyncLifetime)nodeA).DisposeAsync();
    }

    [Fact]
    public async Task A_new_version_serves_new_cases_while_earlier_cases_keep_following_theirs()
    {
        var fresh = await NodeB.FileAsync(Filings.RightsDefence(title: "Filed after the deployment"));

        Assert.Equal(("rights-defence", 2, "Received"), Pin(await NodeB.CaseAsync(fresh)));
        Assert.Equal(("rights-defence", 1, "Filed"), Pin(await NodeB.CaseAsync(filed)));

        // The earlier case still follows v1 on the node that has v2: v1's action works, v2's does not exist for it.
        Assert.Equal(HttpStatusCode.NotFound, (await NodeB.TryAsync(filed, "acceptComplaint")).StatusCode);
        Assert.Equal(("rights-defence", 1, "AwaitingService"), Pin(await NodeB.ActAsync(filed, "acceptCase", new { infringementRegion = "GD" })));
        Assert.Equal(("rights-defence", 1, "AwaitingDefence"), Pin(await NodeB.ActAsync(accepted, "serveRespondent", new { servedOn = "2026-03-02" })));

        // And the new case follows v2 only.
        Assert.Equal(HttpStatusCode.NotFound, (await NodeB.TryAsync(fresh, "acceptCase", new { infringementRegion = "GD" })).StatusCode);
        Assert.Equal(("rights-defence", 2, "AwaitingService"), Pin(await NodeB.ActAsync(fresh, "acceptComplaint")));
        Assert.Equal("ComplaintAccepted", (await NodeB.TimelineAsync(fresh))[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_node_with_the_new_version_lists_both_versions_and_new_cases_start_on_the_latest()
    {
        var onNodeB = RightsDefence(await NodeB.Anyone().GetFromJsonAsync<JsonElement>("/api/workflows"));
        var onNodeA = RightsDefence(await new Workflow(nodeA).Anyone().GetFromJsonAsync<JsonElement>("/api/workflows"));

        Assert.Equal([1, 2], Versions(onNodeB));
        Assert.Equal(2, onNodeB.GetProperty("latestVersion").GetInt32());
        Assert.Equal([1], Versions(onNodeA));
        var v2 = await NodeB.Anyone().GetFromJsonAsync<JsonElement>("/api/workflows/rights-defence/2");
        Assert.Equal("Received", v2.GetProperty("initial").GetString());
    }

    [Fact]
    public async Task Once_a_case_is_on_the_new_version_a_node_without_it_refuses_to_start_naming_it()
    {
        await NodeB.FileAsync(Filings.RightsDefence(title: "Filed after the deployment"));
        await using var withoutV2 = new SecondNode(nodeA);

        var refusal = Assert.Throws<InvalidWorkflowDefinitionException>(() => withoutV2.Server);

        Assert.Equal(
            "1 case(s) are pinned to rights-defence v2, which is not registered; keep that version registered or migrate the cases.",
            Assert.Single(refusal.Problems));
    }

    [Fact]
    public async Task A_dry_run_lists_each_running_case_and_the_unmapped_states_and_changes_nothing()
    {
        var before = await SnapshotAsync();

        // dryRun is left out: a migration is a dry run unless it says otherwise.
        var response = await NodeB.As(Admin, "SystemAdmin").PostAsJsonAsync("/api/workflows/rights-defence/migrations", new
        {
            fromVersion = 1,
            toVersion = 2,
            stateMapping = new Dictionary<string, string> { ["Filed"] = "Received" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("rights-defence", 1, 2), (report.GetProperty("workflowId").GetString(), report.GetProperty("fromVersion").GetInt32(), report.GetProperty("toVersion").GetInt32()));
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("applied").GetBoolean());
        var cases = report.GetProperty("cases").EnumerateArray()
            .ToDictionary(entry => entry.GetProperty("id").GetGuid(), entry => (entry.GetProperty("fromState").GetString(), entry.GetProperty("toState").GetString()));
        Assert.Equal(3, cases.Count);
        Assert.Equal(("Filed", "Received"), cases[filed]);
        Assert.Equal(("AwaitingService", null), cases[accepted]);
        Assert.Equal(("AwaitingDefence", null), cases[served]);
        Assert.False(cases.ContainsKey(refused));
        var unmapped = report.GetProperty("unmappedStates").EnumerateArray().ToList();
        Assert.Equal(["AwaitingDefence", "AwaitingService"], unmapped.Select(state => state.GetProperty("state").GetString()));
        Assert.All(unmapped, state => Assert.Equal(1, state.GetProperty("cases").GetInt32()));
        Assert.Contains("does not say where the 1 running case(s) in 'AwaitingService' go in rights-defence v2", unmapped[1].GetProperty("problem").GetString());

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await MigratedEntriesAsync());

        // A dry run with a complete mapping, said explicitly, changes nothing either.
        var complete = await NodeB.As(Admin, "SystemAdmin").PostAsJsonAsync("/api/workflows/rights-defence/migrations", new { fromVersion = 1, toVersion = 2, stateMapping = FullMapping, dryRun = true, reason = Reason });
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var completeReport = await complete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(completeReport.GetProperty("applied").GetBoolean());
        Assert.Empty(completeReport.GetProperty("unmappedStates").EnumerateArray());
        Assert.Equal(
            ["AwaitingService", "Received", "UnderExamination"],
            completeReport.GetProperty("cases").EnumerateArray().Select(entry => entry.GetProperty("toState").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await MigratedEntriesAsync());
    }

    [Fact]
    public async Task Applying_an_incomplete_mapping_is_422_naming_each_unmapped_state_and_changes_nothing()
    {
        var before = await SnapshotAsync();

        var response = await MigrateAsync(new Dictionary<string, string> { ["Filed"] = "Received" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rules = (await Workflow.ProblemAsync(response)).GetProperty("brokenRules").EnumerateArray().ToList();
        Assert.Equal(2, rules.Count);
        Assert.All(rules, rule => Assert.Equal("StateInUseMustBeMappedRule", rule.GetProperty("rule").GetString()));
        Assert.Contains("'AwaitingDefence'", rules[0].GetProperty("message").GetString());
        Assert.Contains("'AwaitingService'", rules[1].GetProperty("message").GetString());
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await MigratedEntriesAsync());
    }

    [Fact]
    public async Task Applying_a_mapping_to_a_state_the_new_version_lacks_is_422_and_changes_nothing()
    {
        var before = await SnapshotAsync();

        var response = await MigrateAsync(new Dictionary<string, string>(FullMapping) { ["AwaitingDefence"] = "Investigation" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rule = Assert.Single((await Workflow.ProblemAsync(response)).GetProperty("brokenRules").EnumerateArray());
        Assert.Equal("'AwaitingDefence' is mapped to 'Investigation', which rights-defence v2 does not have (1 running case(s)).", rule.GetProperty("message").GetString());
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await MigratedEntriesAsync());
    }

    [Theory]
    [InlineData("CentreAdmin,Supervisor,CaseHandler", false)]
    [InlineData("CentreAdmin,Supervisor,CaseHandler", true)]
    [InlineData(null, false)]
    public async Task Only_a_system_administrator_may_migrate_cases(string? roles, bool dryRun)
    {
        var before = await SnapshotAsync();
        var client = roles is null ? NodeB.CreateClient() : NodeB.As("centre-admin", roles);

        var response = await client.PostAsJsonAsync("/api/workflows/rights-defence/migrations", new { fromVersion = 1, toVersion = 2, stateMapping = FullMapping, dryRun, reason = Reason });

        Assert.Equal(roles is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
        if (roles is not null)
        {
            Assert.Contains("Migrating cases to another workflow version", (await Workflow.ProblemAsync(response)).GetProperty("detail").GetString());
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await MigratedEntriesAsync());
    }

    [Fact]
    public async Task A_mapping_naming_a_state_the_old_version_lacks_is_400_naming_it()
    {
        var before = await SnapshotAsync();

        var response = await MigrateAsync(new Dictionary<string, string>(FullMapping) { ["Fild"] = "Received" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Fild' is not a state of rights-defence v1", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("stateMapping.fild")[0].GetString());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Applying_a_full_mapping_moves_each_running_case_to_the_new_version_recording_why()
    {
        var before = await SnapshotAsync();

        var response = await MigrateAsync(FullMapping);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.True(report.GetProperty("applied").GetBoolean());
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        Assert.Empty(report.GetProperty("unmappedStates").EnumerateArray());
        var reported = report.GetProperty("cases").EnumerateArray().ToDictionary(entry => entry.GetProperty("id").GetGuid(), entry => entry.GetProperty("version").GetInt32());
        Assert.Equal(new[] { filed, accepted, served }.Order(), reported.Keys.Order());

        foreach (var (id, from, to) in new[] { (filed, "Filed", "Received"), (accepted, "AwaitingService", "AwaitingService"), (served, "AwaitingDefence", "UnderExamination") })
        {
            var @case = await NodeB.CaseAsync(id);
            Assert.Equal(("rights-defence", 2, to), Pin(@case));
            Assert.Equal(before[id].Version + 1, @case.GetProperty("version").GetInt32());
            Assert.Equal(before[id].Version + 1, reported[id]);
            var entry = (await NodeB.TimelineAsync(id)).EnumerateArray().Last();
            Assert.Equal(("CaseWorkflowMigrated", Admin, Reason), (entry.GetProperty("type").GetString(), entry.GetProperty("actor").GetString(), entry.GetProperty("reason").GetString()));
            var data = entry.GetProperty("data");
            Assert.Equal(("rights-defence v1", "rights-defence v2", from, to), (
                data.GetProperty("fromWorkflow").GetString(),
                data.GetProperty("toWorkflow").GetString(),
                data.GetProperty("from").GetString(),
                data.GetProperty("to").GetString()));
        }

        // Clocks v2 never mentions would run forever: the migration stops them and says which.
        var stopped = report.GetProperty("cases").EnumerateArray().ToDictionary(
            entry => entry.GetProperty("id").GetGuid(),
            entry => string.Join(",", entry.GetProperty("clocksStopped").EnumerateArray().Select(clock => clock.GetString())));
        Assert.Equal(("", "RespondentService", "DefencePeriod"), (stopped[filed], stopped[accepted], stopped[served]));
        var clocks = (await NodeB.CaseAsync(served)).GetProperty("clocks").EnumerateArray().ToDictionary(clock => clock.GetProperty("name").GetString()!, clock => clock.GetProperty("status").GetString());
        Assert.Equal(("Stopped", "Running"), (clocks["DefencePeriod"], clocks["HandlingDecision"]));

        // The terminal case stays on the version it finished on.
        Assert.Equal(before[refused], (await SnapshotAsync())[refused]);
        Assert.Equal(("rights-defence", 1, "Refused"), Pin(await NodeB.CaseAsync(refused)));
        Assert.Equal(3, await MigratedEntriesAsync());

        // The migrated case is drawn on v2, at its mapped state.
        var diagram = await NodeB.Anyone().GetAsync($"/api/cases/{filed}/diagram");
        Assert.Equal(HttpStatusCode.OK, diagram.StatusCode);
        Assert.Equal("image/svg+xml", diagram.Content.Headers.ContentType?.MediaType);
        var svg = await diagram.Content.ReadAsStringAsync();
        Assert.Contains("(rights-defence v2)", svg);
        Assert.Contains("the case is at Received", svg);

        // v2's actions now apply to the migrated cases, v1's no longer do.
        Assert.Equal(HttpStatusCode.NotFound, (await NodeB.TryAsync(filed, "acceptCase", new { infringementRegion = "GD" })).StatusCode);
        Assert.Equal(("rights-defence", 2, "AwaitingService"), Pin(await NodeB.ActAsync(filed, "acceptComplaint")));
        Assert.Equal(("rights-defence", 2, "Decided"), Pin(await NodeB.ActAsync(served, "decideCase", new { outcome = "InfringementEstablished", reason = "The filter is the claimed one" })));

        // Nothing of v1 is left running, and a node with both versions still starts.
        var again = await NodeB.As(Admin, "SystemAdmin").PostAsJsonAsync("/api/workflows/rights-defence/migrations", new { fromVersion = 1, toVersion = 2, stateMapping = FullMapping });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cases").EnumerateArray());
        await using var restarted = new SecondNode(nodeA, new ExtraWorkflowSource(Version2()));
        Assert.Equal(HttpStatusCode.OK, (await restarted.Anyone().GetAsync($"/api/cases/{served}")).StatusCode);
    }

    /// <summary>
    /// Rights defence v2, as a deployment would add it beside v1: intake renamed (Filed → Received),
    /// service kept, and everything from the defence period to deliberation merged into one
    /// examination state. Its actions are named apart from v1's where they differ.
    /// </summary>
    private static WorkflowBuilder Version2() =>
        new WorkflowBuilder(RightsDefenceWorkflow.Id, 2, "Rights defence (patent infringement dispute), 2026 procedure", "维权（2026年程序）")
            .Serves(CaseKind.RightsDefence)
            .Initial("Received", "已收件", state => state.Starts(RightsDefenceWorkflow.Clocks.AcceptanceDecision))
            .Active("AwaitingService", "待送达")
            .Active("UnderExamination", "审查中")
            .Terminal("Refused", "不予立案")
            .Terminal("Decided", "已作出处理决定")
            .Terminal("Withdrawn", "撤回结案")
            .Transition("acceptComplaint", "立案", step => step
                .From("Received").To("AwaitingService").By(Role.IntakeOfficer, Role.CaseHandler)
                .Records("ComplaintAccepted")
                .Stops(RightsDefenceWorkflow.Clocks.AcceptanceDecision)
                .Starts(RightsDefenceWorkflow.Clocks.HandlingDecision))
            .Transition("refuseComplaint", "不予立案", step => step
                .From("Received").To("Refused").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("ComplaintRefused")
                .Stops(RightsDefenceWorkflow.Clocks.AcceptanceDecision))
            .Transition("serveRespondent", "送达被请求人", step => step
                .From("AwaitingService").To("UnderExamination").By(Role.CaseHandler)
                .Takes("servedOn", PayloadFieldKind.Date)
                .Keeps("servedOn")
                .Records("RespondentServed"))
            .Transition("decideCase", "作出处理决定", step => step
                .From("UnderExamination").To("Decided").By(Role.CaseHandler)
                .Takes("outcome", PayloadFieldKind.Choice, true, 40, "InfringementEstablished", "InfringementNotEstablished")
                .Takes("reason", PayloadFieldKind.Text)
                .Keeps("outcome")
                .Records("DecisionIssued")
                .Stops(RightsDefenceWorkflow.Clocks.HandlingDecision))
            .Transition("withdrawComplaint", "撤回请求", step => step
                .From("Received", "AwaitingService", "UnderExamination").To("Withdrawn").By(Role.CaseHandler, Role.EnterpriseUser)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("ComplaintWithdrawn")
                .Stops(RightsDefenceWorkflow.Clocks.AcceptanceDecision)
                .Stops(RightsDefenceWorkflow.Clocks.HandlingDecision));

    private async Task<HttpResponseMessage> MigrateAsync(Dictionary<string, string> mapping) =>
        await NodeB.As(Admin, "SystemAdmin").PostAsJsonAsync("/api/workflows/rights-defence/migrations", new
        {
            fromVersion = 1,
            toVersion = 2,
            stateMapping = mapping,
            dryRun = false,
            reason = Reason,
        });

    private static (string?, int, string?) Pin(JsonElement @case) => (
        @case.GetProperty("workflow").GetProperty("id").GetString(),
        @case.GetProperty("workflow").GetProperty("version").GetInt32(),
        @case.GetProperty("state").GetString());

    private static JsonElement RightsDefence(JsonElement workflows) =>
        workflows.EnumerateArray().Single(workflow => workflow.GetProperty("id").GetString() == RightsDefenceWorkflow.Id);

    private static List<int> Versions(JsonElement workflow) =>
        [.. workflow.GetProperty("versions").EnumerateArray().Select(version => version.GetProperty("version").GetInt32())];

    /// <summary>Every case's pin, state and version, straight from the database.</summary>
    private async Task<Dictionary<Guid, (int WorkflowVersion, string State, int Version)>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(nodeA.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, workflow_version, state, version FROM cases", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var cases = new Dictionary<Guid, (int, string, int)>();
        while (await reader.ReadAsync())
        {
            cases[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3));
        }

        Assert.Equal(4, cases.Count);
        return cases;
    }

    private async Task<long> MigratedEntriesAsync()
    {
        await using var connection = new NpgsqlConnection(nodeA.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM case_events WHERE type = 'CaseWorkflowMigrated'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
