using Cases.Workflows.Engine.Diagrams;
using FluentValidation;

namespace Cases.Workflows.Cases.GetCaseDiagram;

public sealed class GetCaseDiagramValidator : AbstractValidator<GetCaseDiagramQuery>
{
    public GetCaseDiagramValidator()
    {
        RuleFor(query => query.Format).Must(format => format is null || DiagramFormats.All.Contains(format))
            .WithMessage($"'format' must be one of {string.Join(", ", DiagramFormats.All)}.");
    }
}
