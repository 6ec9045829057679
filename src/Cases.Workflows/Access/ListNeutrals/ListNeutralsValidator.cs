using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Access.ListNeutrals;

public sealed class ListNeutralsValidator : AbstractValidator<ListNeutralsQuery>
{
    public ListNeutralsValidator()
    {
        RuleFor(query => query.Centre).NotNull().MustBeACentreCode();
        RuleFor(query => query.Role)
            .Must(role => role is null || ListNeutralsQuery.NeutralRoles.Contains(role.Value))
            .WithMessage($"'role' must be one of {string.Join(", ", ListNeutralsQuery.NeutralRoles)}.");
    }
}
