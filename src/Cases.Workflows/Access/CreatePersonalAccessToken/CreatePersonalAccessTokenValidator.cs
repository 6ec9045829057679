using FluentValidation;

namespace Cases.Workflows.Access.CreatePersonalAccessToken;

public sealed class CreatePersonalAccessTokenValidator : AbstractValidator<CreatePersonalAccessTokenCommand>
{
    /// <summary>At most two years: a token that outlives the people who know of it is a risk.</summary>
    public const int MaximumDays = 730;

    public CreatePersonalAccessTokenValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(100);
        RuleFor(command => command.ExpiresInDays).InclusiveBetween(1, MaximumDays);
    }
}
