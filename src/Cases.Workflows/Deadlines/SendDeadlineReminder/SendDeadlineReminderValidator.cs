using FluentValidation;

namespace Cases.Workflows.Deadlines.SendDeadlineReminder;

public sealed class SendDeadlineReminderValidator : AbstractValidator<SendDeadlineReminderCommand>
{
    public SendDeadlineReminderValidator()
    {
        RuleFor(command => command.DeadlineId.Value).NotEmpty().OverridePropertyName("deadlineId");
        RuleFor(command => command.RemindAt).NotEqual(default(DateTimeOffset));
    }
}
