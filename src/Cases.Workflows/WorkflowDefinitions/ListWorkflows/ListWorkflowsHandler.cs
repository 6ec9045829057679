using Cases.Workflows.Engine.Catalog;
using MediatR;

namespace Cases.Workflows.WorkflowDefinitions.ListWorkflows;

public sealed class ListWorkflowsHandler(WorkflowCatalog workflows) : IRequestHandler<ListWorkflowsQuery, IReadOnlyList<WorkflowSummaryView>>
{
    public Task<IReadOnlyList<WorkflowSummaryView>> Handle(ListWorkflowsQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<WorkflowSummaryView> summaries = [.. workflows.All
            .GroupBy(definition => definition.Id)
            .Select(versions =>
            {
                var latest = versions.MaxBy(definition => definition.Version)!;
                return new WorkflowSummaryView(
                    latest.Id,
                    latest.Name,
                    latest.ChineseName,
                    latest.Kinds,
                    latest.Version,
                    [.. versions.Select(definition => new WorkflowVersionView(
                        definition.Version,
                        definition.Name,
                        definition.States.Count,
                        definition.Transitions.Count,
                        $"/api/workflows/{definition.Id}/{definition.Version}",
                        $"/api/workflows/{definition.Id}/{definition.Version}/diagram"))]);
            })];
        return Task.FromResult(summaries);
    }
}
