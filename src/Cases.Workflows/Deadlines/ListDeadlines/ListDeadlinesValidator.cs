using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Deadlines.ListDeadlines;

public sealed class ListDeadlinesValidator : AbstractValidator<ListDeadlinesQuery>
{
    public ListDeadlinesValidator()
    {
        RuleFor(query => query.State)
            .NotEmpty()
            .Must(state => state is null || ListDeadlinesQuery.States.Contains(state))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ListDeadlinesQuery.States)}.");
        RuleFor(query => query.Centre).MustBeACentreCode();
        RuleFor(query => query.Limit).InclusiveBetween(1, ListDeadlinesQuery.MaximumLimit).When(query => query.Limit is not null);
    }
}
