using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Cases.ListCases;

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(query => query.Centre).MustBeACentreCode();
        RuleFor(query => query.Kind)
            .Must(kind => Enum.TryParse<CaseKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            .When(query => query.Kind is not null)
            .WithMessage($"'kind' must be one of {string.Join(", ", Enum.GetNames<CaseKind>())}.");
        RuleFor(query => query.State).MaximumLength(CaseState.MaximumLength);
        RuleFor(query => query.Text).MaximumLength(ListCasesQuery.MaximumTextLength);
        RuleFor(query => query.Sort)
            .Must(sort => ListCasesQuery.SortOrders.Contains(sort!)).When(query => query.Sort is not null)
            .WithMessage($"'sort' must be one of {string.Join(", ", ListCasesQuery.SortOrders)}.");
        RuleFor(query => query.Page).InclusiveBetween(1, ListCasesQuery.MaximumPage);
        RuleFor(query => query.PageSize).InclusiveBetween(1, ListCasesQuery.MaximumPageSize);
    }
}
