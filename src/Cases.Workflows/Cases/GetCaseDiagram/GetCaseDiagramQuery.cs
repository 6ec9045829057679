using Cases.Domain.Cases;
using Cases.Workflows.Engine.Diagrams;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.GetCaseDiagram;

/// <summary>The case's workflow drawn with its current state and the path it took highlighted.</summary>
public sealed record GetCaseDiagramQuery(CaseId CaseId, string? Format) : IQuery<RenderedDiagram>, ICaseQuery;
