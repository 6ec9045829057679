using Cases.Workflows.Engine.Diagrams;
using FluentValidation;

namespace Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;

public sealed class GetWorkflowDiagramValidator : AbstractValidator<GetWorkflowDiagramQuery>
{
    public GetWorkflowDiagramValidator()
    {
        RuleFor(query => query.Format).Must(format => format is null || DiagramFormats.All.Contains(format))
            .WithMessage($"'format' must be one of {string.Join(", ", DiagramFormats.All)}.");
    }
}
