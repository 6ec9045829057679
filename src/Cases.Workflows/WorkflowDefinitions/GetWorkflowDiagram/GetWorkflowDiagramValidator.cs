using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;

public sealed class GetWorkflowDiagramValidator : AbstractValidator<GetWorkflowDiagramQuery>
{
    public GetWorkflowDiagramValidator()
    {
        RuleFor(query => query.Format).MustBeADiagramFormat();
    }
}
