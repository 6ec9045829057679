using Cases.Domain.Cases.Rules;
using FluentValidation;

namespace Cases.Workflows.Cases.AddInternalNote;

public sealed class AddInternalNoteValidator : AbstractValidator<AddInternalNoteCommand>
{
    public AddInternalNoteValidator()
    {
        RuleFor(command => command.Text).NotEmpty().MaximumLength(InternalNoteMustNotBeEmptyRule.MaximumLength);
        RuleFor(command => command.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}
