using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Pipelines;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// A definition mistake, or a case stranded on a version or state no longer registered, stops the
/// real host at start-up, naming the problem: never a case stuck in production. Each test starts a
/// <see cref="SecondNode"/> over this class's database with one extra definition source.
/// </summary>
public sealed class WorkflowStartupTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string Probe = "startup-probe v1";

    /// <summary>Each mistake, bending a small valid workflow (or repeating a built-in one) in one way.</summary>
    private static readonly Dictionary<string, Func<WorkflowBuilder>> Mistakes = new()
    {
        ["unreachable state"] = () => Valid()
            .Active("Orphan", "孤立")
            .Transition("leaveOrphan", "离开", step => step.From("Orphan").To("Closed").By(Role.CaseHandler).Records("OrphanLeft")),
        ["non-terminal dead end"] = () => Valid()
            .Waiting("Stuck", "停滞")
            .Transition("getStuck", "停滞", step => step.From("Accepted").To("Stuck").By(Role.CaseHandler).Records("CaseStuck")),
        ["duplicate action from one state"] = () => Valid()
            .Transition("accept", "立案", step => step.From("Triage").To("Closed").By(Role.CaseHandler).Records("CaseAccepted")),
        ["undefined target state"] = () => Valid()
            .Transition("escalate", "上报", step => step.From("Accepted").To("Nowhere").By(Role.Supervisor).Records("CaseEscalated")),
        ["role that does not exist"] = () => Valid()
            .Transition("decide", "决定", step => step.From("Accepted").To("Closed").By((Role)42).Records("CaseDecided")),
        ["duplicate id and version"] = RightsDefenceWorkflow.Version1,
        ["kind served by two workflows"] = () => Valid().Serves(CaseKind.RightsDefence),
    };

    [Theory]
    [InlineData("unreachable state", Probe + ": State 'Orphan' cannot be reached from the initial state 'Received'.")]
    [InlineData("non-terminal dead end", Probe + ": State 'Stuck' is not terminal but no transition leaves it")]
    [InlineData("duplicate action from one state", Probe + ": Action 'accept' is defined 2 times from state 'Triage'.")]
    [InlineData("undefined target state", Probe + ": Transition 'escalate' leads to undefined state 'Nowhere'.")]
    [InlineData("role that does not exist", Probe + ": Transition 'decide' names role 42, which does not exist")]
    [InlineData("duplicate id and version", "rights-defence v1 is defined 2 times.")]
    [InlineData("kind served by two workflows", "Cases of kind RightsDefence are served by rights-defence v1 and startup-probe v1; exactly one workflow may serve a kind.")]
    public async Task Each_kind_of_definition_mistake_stops_the_host_at_start_up_naming_the_problem(string mistake, string expected)
    {
        await using var node = new SecondNode(api, new ExtraWorkflowSource(Mistakes[mistake]()));

        var refusal = Assert.Throws<InvalidWorkflowDefinitionException>(() => node.Server);

        // Exactly this problem: the built-in pipelines and the rest of the probe are sound.
        // Problems may go on (e.g. to list every role), so each is matched by its start.
        Assert.StartsWith(expected, Assert.Single(refusal.Problems), StringComparison.Ordinal);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_probe_workflow_without_a_mistake_starts_and_is_listed()
    {
        await using var node = new SecondNode(api, new ExtraWorkflowSource(Valid()));

        var workflows = await node.Anyone().GetFromJsonAsync<JsonElement>("/api/workflows");

        var ids = workflows.EnumerateArray().Select(workflow => workflow.GetProperty("id").GetString()).ToList();
        Assert.Equal(["fast-track-pre-examination", "mediation-arbitration", "rights-defence", "startup-probe"], ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("workflow_version = 9", "1 case(s) are pinned to rights-defence v9, which is not registered; keep that version registered or migrate the cases.")]
    [InlineData("state = 'Limbo'", "1 case(s) are in state 'Limbo', which rights-defence v1 does not have.")]
    public async Task A_case_stranded_on_a_version_or_state_no_longer_registered_stops_the_host_naming_it(string change, string expected)
    {
        var id = await new Workflow(api).FileAsync(Filings.RightsDefence(title: $"Stranded: {change}"));
        await ExecuteAsync($"UPDATE cases SET {change} WHERE id = @id", id);
        try
        {
            await using var node = new SecondNode(api);

            var refusal = Assert.Throws<InvalidWorkflowDefinitionException>(() => node.Server);

            Assert.Equal(expected, Assert.Single(refusal.Problems));
            Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            // Other tests of this class start nodes over the same database.
            await ExecuteAsync("UPDATE cases SET workflow_version = 1, state = 'Filed' WHERE id = @id", id);
        }

        // The same node starts once the case is back on a registered version and state.
        await using var restored = new SecondNode(api);
        var response = await restored.Anyone().GetAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A small valid workflow that serves no kind of case, so it can stand beside the built-in ones.</summary>
    private static WorkflowBuilder Valid() =>
        new WorkflowBuilder("startup-probe", 1, "Start-up probe", "启动检查")
            .Initial("Received", "收件")
            .Active("Triage", "分流", state => state.Starts("AcceptanceDecision"))
            .Active("Accepted", "已立案")
            .Terminal("Refused", "不予受理")
            .Terminal("Closed", "结案")
            .Transition("triage", "分流", step => step.From("Received").To("Triage").By(Role.IntakeOfficer).Records("CaseTriaged"))
            .Transition("accept", "立案", step => step.From("Triage").To("Accepted").By(Role.CaseHandler).Stops("AcceptanceDecision").Records("CaseAccepted"))
            .Transition("refuse", "不予受理", step => step.From("Triage").To("Refused").By(Role.CaseHandler).Takes("reason", PayloadFieldKind.Text).Stops("AcceptanceDecision").Records("CaseRefused"))
            .Transition("close", "结案", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Records("CaseClosed"));

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
