using FluentValidation;

namespace Cases.Workflows.Enterprises.CreateEnterpriseUser;

public sealed class CreateEnterpriseUserValidator : AbstractValidator<CreateEnterpriseUserCommand>
{
    public CreateEnterpriseUserValidator()
    {
        RuleFor(command => command.UserName).NotEmpty().MaximumLength(64)
            .Matches("^[A-Za-z0-9][A-Za-z0-9._@-]*$").WithMessage("'userName' may hold letters, digits and . _ @ - and must start with a letter or digit.");
        RuleFor(command => command.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(command => command.Password).NotEmpty().MaximumLength(512);
    }
}
