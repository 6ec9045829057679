using Cases.Domain.Cases;
using Cases.Workflows.Engine.Catalog;
using MediatR;

namespace Cases.Workflows.WorkflowDefinitions.GetWorkflow;

public sealed class GetWorkflowHandler(WorkflowCatalog workflows) : IRequestHandler<GetWorkflowQuery, WorkflowDefinitionView>
{
    public Task<WorkflowDefinitionView> Handle(GetWorkflowQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(WorkflowDefinitionView.From(workflows.Get(new WorkflowPin(query.Id, query.Version))));
}
