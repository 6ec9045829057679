using Cases.Domain.Enterprises;
using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Enterprises.RegisterKeyEnterprise;

public sealed class RegisterKeyEnterpriseValidator : AbstractValidator<RegisterKeyEnterpriseCommand>
{
    public RegisterKeyEnterpriseValidator()
    {
        RuleFor(command => command.Centre).NotNull().MustBeACentreCode();
        RuleFor(command => command.Name).NotEmpty().MaximumLength(KeyEnterprise.MaximumNameLength);
        // Shape only; whether the code is a valid one is the domain's rule (422, named).
        RuleFor(command => command.UnifiedSocialCreditCode).NotEmpty().MaximumLength(64);
        RuleFor(command => command.HighTechEnterprise).NotNull();
        RuleFor(command => command.HighTechCertificateNumber).MaximumLength(KeyEnterprise.MaximumCertificateNumberLength);
        RuleFor(command => command.PatentsAndTrademarks).NotNull().GreaterThanOrEqualTo(0);
    }
}
