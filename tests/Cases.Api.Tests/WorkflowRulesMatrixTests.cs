namespace Cases.Api.Tests;

/// <summary>
/// Exhaustive checks driven by the definitions the API publishes: every action refused in every
/// state it cannot be taken from, and every action refused to every caller without an allowed role.
/// </summary>
public sealed class WorkflowRulesMatrixTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string AllRoles = Workflow.AllRoles;
    private readonly Workflow workflow = new(api);

    public static TheoryData<string, string> Pipelines => new()
    {
        { "rights-defence", "RightsDefence" },
        { "fast-track-pre-examination", "FastTrackPreExamination" },
        { "mediation-arbitration", "Mediation" },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Every_action_is_a_409_in_every_state_it_cannot_be_taken_from(string workflowId, string kind)
    {
        var definition = await DefinitionAsync(workflowId);
        var id = await FileAsync(kind);
        var checkedPairs = 0;

        foreach (var state in definition.GetProperty("states").EnumerateArray().Select(state => state.GetProperty("name").GetString()!))
        {
            await workflow.ForceStateAsync(id, state);
            foreach (var action in Actions(definition).Where(action => !AllowedFrom(definition, action).Contains(state)))
            {
                var response = await workflow.TryAsync(id, action, roles: AllRoles);
                Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{workflowId}: {action} in {state} answered {(int)response.StatusCode}");
                Assert.Contains($"in state '{state}'", (await Workflow.ProblemAsync(response)).GetProperty("detail").GetString());
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 50, $"only {checkedPairs} illegal pairs in {workflowId}");
        Assert.Equal(1, (await workflow.TimelineAsync(id)).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Every_action_is_a_403_to_a_caller_without_one_of_its_roles_and_open_to_one_with(string workflowId, string kind)
    {
        var definition = await DefinitionAsync(workflowId);
        var id = await FileAsync(kind);
        var everyRole = AllRoles.Split(',');

        foreach (var transition in definition.GetProperty("transitions").EnumerateArray())
        {
            var action = transition.GetProperty("action").GetString()!;
            var allowed = transition.GetProperty("roles").EnumerateArray().Select(role => role.GetString()!).ToList();
            var others = everyRole.Except(allowed).ToList();
            await workflow.ForceStateAsync(id, transition.GetProperty("from")[0].GetString()!);

            if (others.Count > 0)
            {
                var refused = await workflow.TryAsync(id, action, roles: string.Join(',', others));
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{workflowId}: {action} as {string.Join(',', others)} answered {(int)refused.StatusCode}");
            }

            foreach (var role in allowed)
            {
                var permitted = await workflow.TryAsync(id, action, roles: role);
                Assert.True(permitted.StatusCode != HttpStatusCode.Forbidden, $"{workflowId}: {action} as {role} was forbidden");
                await workflow.ForceStateAsync(id, transition.GetProperty("from")[0].GetString()!);
            }
        }
    }

    private async Task<Guid> FileAsync(string kind) => await workflow.FileAsync(kind switch
    {
        "RightsDefence" => Filings.RightsDefence(),
        "FastTrackPreExamination" => Filings.FastTrack(),
        _ => Filings.Mediation(kind),
    });

    private async Task<JsonElement> DefinitionAsync(string workflowId) =>
        await workflow.Anyone().GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/1");

    private static IEnumerable<string> Actions(JsonElement definition) =>
        definition.GetProperty("transitions").EnumerateArray().Select(transition => transition.GetProperty("action").GetString()!).Distinct();

    private static HashSet<string> AllowedFrom(JsonElement definition, string action) =>
        definition.GetProperty("transitions").EnumerateArray()
            .Where(transition => transition.GetProperty("action").GetString() == action)
            .SelectMany(transition => transition.GetProperty("from").EnumerateArray().Select(state => state.GetString()!))
            .ToHashSet();
}
