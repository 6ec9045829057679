using Cases.Domain.Cases;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Diagrams;
using MediatR;

namespace Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;

public sealed class GetWorkflowDiagramHandler(WorkflowCatalog workflows) : IRequestHandler<GetWorkflowDiagramQuery, RenderedDiagram>
{
    public Task<RenderedDiagram> Handle(GetWorkflowDiagramQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(DiagramFormats.Render(workflows.Get(new WorkflowPin(query.Id, query.Version)), query.Format, highlight: null));
}
