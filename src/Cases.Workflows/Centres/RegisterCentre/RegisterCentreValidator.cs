using Cases.Domain.Centres;
using Cases.Domain.Regions;
using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Centres.RegisterCentre;

public sealed class RegisterCentreValidator : AbstractValidator<RegisterCentreCommand>
{
    public RegisterCentreValidator()
    {
        RuleFor(command => command.Code).NotNull().MustBeACentreCode();
        RuleFor(command => command.Region).NotEmpty()
            .Must(region => Region.TryFromCode(region, out _)).When(command => !string.IsNullOrEmpty(command.Region))
            .WithMessage($"'region' must be one of {string.Join(", ", Region.All.Select(region => region.Code))}.");
        RuleFor(command => command.Name).NotEmpty().MaximumLength(ProtectionCentre.MaximumNameLength);
    }
}
