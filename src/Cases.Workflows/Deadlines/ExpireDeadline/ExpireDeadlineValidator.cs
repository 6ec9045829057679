using FluentValidation;

namespace Cases.Workflows.Deadlines.ExpireDeadline;

public sealed class ExpireDeadlineValidator : AbstractValidator<ExpireDeadlineCommand>
{
    public ExpireDeadlineValidator()
    {
        RuleFor(command => command.DeadlineId.Value).NotEmpty().OverridePropertyName("deadlineId");
        RuleFor(command => command.DueAt).NotEqual(default(DateTimeOffset));
    }
}
