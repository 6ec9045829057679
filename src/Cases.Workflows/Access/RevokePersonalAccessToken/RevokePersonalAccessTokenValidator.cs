using FluentValidation;

namespace Cases.Workflows.Access.RevokePersonalAccessToken;

public sealed class RevokePersonalAccessTokenValidator : AbstractValidator<RevokePersonalAccessTokenCommand>
{
    public RevokePersonalAccessTokenValidator() => RuleFor(command => command.TokenId).NotEmpty();
}
