using Cases.Domain.Cases.Rules;
using FluentValidation;

namespace Cases.Workflows.Enterprises.WithdrawKeyEnterprise;

public sealed class WithdrawKeyEnterpriseValidator : AbstractValidator<WithdrawKeyEnterpriseCommand>
{
    public WithdrawKeyEnterpriseValidator()
    {
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(ChangeMustGiveAReasonRule.MaximumLength);
        RuleFor(command => command.ExpectedVersion).GreaterThanOrEqualTo(1);
    }
}
