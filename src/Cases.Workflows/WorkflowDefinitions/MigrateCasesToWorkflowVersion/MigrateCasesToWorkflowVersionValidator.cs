using FluentValidation;

namespace Cases.Workflows.WorkflowDefinitions.MigrateCasesToWorkflowVersion;

public sealed class MigrateCasesToWorkflowVersionValidator : AbstractValidator<MigrateCasesToWorkflowVersionCommand>
{
    public MigrateCasesToWorkflowVersionValidator()
    {
        RuleFor(command => command.FromVersion).NotNull().GreaterThanOrEqualTo(1);
        RuleFor(command => command.ToVersion).NotNull().GreaterThanOrEqualTo(1)
            .NotEqual(command => command.FromVersion).WithMessage("'toVersion' must differ from 'fromVersion'.");
        RuleFor(command => command.StateMapping).NotNull();
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000).When(command => !command.DryRun);
    }
}
