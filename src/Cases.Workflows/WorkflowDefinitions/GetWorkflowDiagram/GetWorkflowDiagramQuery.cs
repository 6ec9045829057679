using Cases.Workflows.Engine.Diagrams;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;

/// <summary>A workflow version drawn as SVG (default) or as Mermaid text (流程图).</summary>
public sealed record GetWorkflowDiagramQuery(string Id, int Version, string? Format) : IQuery<RenderedDiagram>;
