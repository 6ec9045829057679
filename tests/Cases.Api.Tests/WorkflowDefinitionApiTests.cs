using System.Xml.Linq;

namespace Cases.Api.Tests;

/// <summary>Definitions and diagrams over the API.</summary>
public sealed class WorkflowDefinitionApiTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task The_three_pipelines_are_listed_with_their_versions()
    {
        var workflows = await workflow.Anyone().GetFromJsonAsync<JsonElement>("/api/workflows");

        var ids = workflows.EnumerateArray().Select(entry => entry.GetProperty("id").GetString()).ToList();
        Assert.Equal(["fast-track-pre-examination", "mediation-arbitration", "rights-defence"], ids);
        var rightsDefence = workflows.EnumerateArray().Single(entry => entry.GetProperty("id").GetString() == "rights-defence");
        Assert.Equal("维权（专利侵权纠纷处理）", rightsDefence.GetProperty("chineseName").GetString());
        Assert.Equal(["RightsDefence"], rightsDefence.GetProperty("kinds").EnumerateArray().Select(kind => kind.GetString()));
        var version = Assert.Single(rightsDefence.GetProperty("versions").EnumerateArray());
        Assert.Equal("/api/workflows/rights-defence/1", version.GetProperty("href").GetString());
        Assert.Equal(["Mediation", "Arbitration"], workflows.EnumerateArray().Single(entry => entry.GetProperty("id").GetString() == "mediation-arbitration").GetProperty("kinds").EnumerateArray().Select(kind => kind.GetString()));
    }

    [Fact]
    public async Task A_definition_is_served_as_json_with_every_step_named_in_english_and_chinese()
    {
        var definition = await workflow.Anyone().GetFromJsonAsync<JsonElement>("/api/workflows/rights-defence/1");

        Assert.Equal(("rights-defence", 1, "Filed"), (definition.GetProperty("id").GetString(), definition.GetProperty("version").GetInt32(), definition.GetProperty("initial").GetString()));
        Assert.All(definition.GetProperty("states").EnumerateArray(), state => Assert.False(string.IsNullOrWhiteSpace(state.GetProperty("chineseName").GetString())));
        Assert.All(definition.GetProperty("transitions").EnumerateArray(), transition => Assert.False(string.IsNullOrWhiteSpace(transition.GetProperty("chineseName").GetString())));
        var accept = definition.GetProperty("transitions").EnumerateArray().Single(transition => transition.GetProperty("action").GetString() == "acceptCase");
        Assert.Equal(("立案", "AwaitingService", "CaseAccepted"), (accept.GetProperty("chineseName").GetString(), accept.GetProperty("to").GetString(), accept.GetProperty("event").GetString()));
        Assert.Equal(["Stop AcceptanceDecision", "Start RespondentService", "Start HandlingDecision"],
            accept.GetProperty("clocks").EnumerateArray().Select(clock => $"{clock.GetProperty("operation").GetString()} {clock.GetProperty("clock").GetString()}"));
        Assert.Equal(["the infringement is within the centre's jurisdiction"], accept.GetProperty("guards").EnumerateArray().Select(guard => guard.GetString()));
        var filed = definition.GetProperty("states").EnumerateArray().Single(state => state.GetProperty("name").GetString() == "Filed");
        Assert.Equal("Start", filed.GetProperty("onEnter")[0].GetProperty("operation").GetString());
    }

    [Theory]
    [InlineData("/api/workflows/no-such-workflow/1")]
    [InlineData("/api/workflows/rights-defence/9")]
    [InlineData("/api/workflows/rights-defence/9/diagram")]
    public async Task An_unknown_workflow_or_version_is_404(string path)
    {
        var response = await workflow.Anyone().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("rights-defence")]
    [InlineData("fast-track-pre-examination")]
    [InlineData("mediation-arbitration")]
    public async Task Each_definition_is_drawn_as_svg_and_as_mermaid(string workflowId)
    {
        var svg = await workflow.Anyone().GetAsync($"/api/workflows/{workflowId}/1/diagram");
        var mermaid = await workflow.Anyone().GetAsync($"/api/workflows/{workflowId}/1/diagram?format=mermaid");

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var drawing = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        var definition = await workflow.Anyone().GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/1");
        var drawnStates = drawing.Descendants().Select(element => element.Attribute("data-state")?.Value).OfType<string>().ToHashSet();
        Assert.All(definition.GetProperty("states").EnumerateArray(), state => Assert.Contains(state.GetProperty("name").GetString()!, drawnStates));
        Assert.Equal("text/plain", mermaid.Content.Headers.ContentType?.MediaType);
        var text = await mermaid.Content.ReadAsStringAsync();
        Assert.Contains("stateDiagram-v2", text);
        Assert.Contains("[*] --> Filed", text);
    }

    [Fact]
    public async Task A_case_diagram_highlights_the_current_state_and_the_path_taken()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });
        await workflow.ActAsync(id, "serveRespondent", new { servedOn = "2026-03-03" });

        var drawing = XDocument.Parse(await workflow.Anyone().GetStringAsync($"/api/cases/{id}/diagram"));
        var mermaid = await workflow.Anyone().GetStringAsync($"/api/cases/{id}/diagram?format=mermaid");

        var current = Assert.Single(drawing.Descendants(), element => element.Attribute("aria-current")?.Value == "step");
        Assert.Equal("AwaitingDefence", current.Attribute("data-state")?.Value);
        var taken = drawing.Descendants()
            .Where(element => element.Attribute("class")?.Value.Split(' ').Contains("taken") == true && element.Attribute("data-action") is not null)
            .Select(element => element.Attribute("data-action")!.Value)
            .ToHashSet();
        Assert.Equal(["acceptCase", "serveRespondent"], taken.Order());
        Assert.Contains("class AwaitingDefence current", mermaid);
    }

    [Fact]
    public async Task An_unknown_diagram_format_is_400_naming_it_and_an_unknown_case_is_404()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var png = await workflow.Anyone().GetAsync($"/api/cases/{id}/diagram?format=png");
        var missing = await workflow.Anyone().GetAsync($"/api/cases/{Guid.NewGuid()}/diagram");

        Assert.Equal(HttpStatusCode.BadRequest, png.StatusCode);
        Assert.Contains("svg, mermaid", (await Workflow.ProblemAsync(png)).GetProperty("errors").GetProperty("format")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await workflow.Anyone().GetAsync("/api/workflows/rights-defence/1/diagram?format=png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
