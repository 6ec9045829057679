using FluentValidation;

namespace Cases.Workflows.Access.IssueAccessToken;

public sealed class IssueAccessTokenValidator : AbstractValidator<IssueAccessTokenCommand>
{
    public IssueAccessTokenValidator()
    {
        RuleFor(command => command.Username).NotEmpty().MaximumLength(256);
        RuleFor(command => command.Password).NotEmpty().MaximumLength(512);
    }
}
