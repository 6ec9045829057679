using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Cases.GetCaseDiagram;

public sealed class GetCaseDiagramValidator : AbstractValidator<GetCaseDiagramQuery>
{
    public GetCaseDiagramValidator()
    {
        RuleFor(query => query.Format).MustBeADiagramFormat();
    }
}
