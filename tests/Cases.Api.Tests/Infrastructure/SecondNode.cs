using Cases.Domain.Calendars;
using Cases.Domain.Clocks;
using Cases.Domain.Deadlines;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Pipelines;
using Cases.Workflows.Engine.Definitions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Supplies the given workflow versions, as a pipeline class does: what a deployment adds to the
/// catalog. A new workflow's clocks get a plain 5-working-day rule; a new version of an existing
/// workflow uses that workflow's rules.
/// </summary>
public sealed class ExtraWorkflowSource(params WorkflowBuilder[] versions) : IWorkflowDefinitionSource
{
    public IEnumerable<WorkflowBuilder> Versions() => versions;

    public IEnumerable<DeadlineRule> DeadlineRules() =>
        versions.Select(version => version.Build())
            .Where(definition => !DefaultDeadlineRules.All.Any(rule => rule.WorkflowId == definition.Id))
            .SelectMany(definition => definition.States.SelectMany(state => state.OnEnter).Concat(definition.Transitions.SelectMany(transition => transition.Clocks))
                .Where(operation => operation.Kind == ClockOperationKind.Start)
                .Select(operation => new DeadlineRule(definition.Id, operation.Clock, new Period(5, PeriodUnit.WorkingDays), DeadlineCalendarOwner.HandlingCentre,
                    null, DeadlineExpiry.MarkOverdue, null, null, null, "Test rule")))
            .DistinctBy(rule => (rule.WorkflowId, rule.Clock));
}

/// <summary>
/// Another node of the application over a <see cref="CasesApi"/>'s database, on its clock, with
/// extra workflow definition sources registered after the built-in ones: e.g. a node deployed with
/// a new version of a pipeline, or one with a broken definition that must refuse to start.
/// Starting it (<see cref="WebApplicationFactory{TEntryPoint}.Server"/> or a client) runs the
/// application's real start-up, which throws if the node must not serve. Not a fixture: the
/// database belongs to the <see cref="CasesApi"/> it was made from, which drops it.
/// </summary>
public sealed class SecondNode(CasesApi origin, params IWorkflowDefinitionSource[] extraSources) : WebApplicationFactory<Program>
{
    public HttpClient As(string user, string roles) => origin.ClientAs(this, user, roles);

    public HttpClient Anyone() => As("tester", Workflow.AllRoles);

    public async Task<Guid> FileAsync(Dictionary<string, object?> filing)
    {
        var response = await Anyone().PostAsJsonAsync("/api/cases", filing);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"filing: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> TryAsync(Guid caseId, string action, object? payload = null, string roles = Workflow.AllRoles) =>
        await As("tester", roles).PostAsJsonAsync($"/api/cases/{caseId}/actions/{action}", new { expectedVersion = (int?)null, payload = payload ?? new { } });

    /// <summary>Takes an action that must succeed; returns the case after it.</summary>
    public async Task<JsonElement> ActAsync(Guid caseId, string action, object? payload = null, string roles = Workflow.AllRoles)
    {
        var response = await TryAsync(caseId, action, payload, roles);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("case");
    }

    public async Task<JsonElement> CaseAsync(Guid caseId) => await Anyone().GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

    public async Task<JsonElement> TimelineAsync(Guid caseId) =>
        (await Anyone().GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline")).GetProperty("events");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        origin.ConfigureNode(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var source in extraSources)
            {
                services.AddSingleton(source);
            }
        });
    }
}
