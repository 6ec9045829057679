using Cases.Domain.Access;
using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Access.CreateUser;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(command => command.UserName).NotEmpty().MaximumLength(64)
            .Matches("^[A-Za-z0-9][A-Za-z0-9._@-]*$").WithMessage("'userName' may hold letters, digits and . _ @ - and must start with a letter or digit.");
        RuleFor(command => command.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(command => command.Password).NotEmpty().MaximumLength(512);
        RuleFor(command => command.Roles).NotEmpty();
        RuleForEach(command => command.Roles).IsInEnum();
        RuleFor(command => command.Centre).MustBeACentreCode();
    }
}
