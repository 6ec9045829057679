using Cases.Domain.Cases.Rules;
using FluentValidation;

namespace Cases.Workflows.Cases.ChangeCasePriority;

public sealed class ChangeCasePriorityValidator : AbstractValidator<ChangeCasePriorityCommand>
{
    public ChangeCasePriorityValidator()
    {
        RuleFor(command => command.Priority).NotNull();
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(ChangeMustGiveAReasonRule.MaximumLength);
        RuleFor(command => command.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}
