using Cases.Workflows.Pipeline;

namespace Cases.Workflows.WorkflowDefinitions.GetWorkflow;

/// <summary>One version of a workflow definition, in full.</summary>
public sealed record GetWorkflowQuery(string Id, int Version) : IQuery<WorkflowDefinitionView>;
