using Cases.Workflows.Pipeline;

namespace Cases.Workflows.WorkflowDefinitions.ListWorkflows;

/// <summary>Every workflow (流程) the application runs, each with its versions.</summary>
public sealed record ListWorkflowsQuery : IQuery<IReadOnlyList<WorkflowSummaryView>>;
