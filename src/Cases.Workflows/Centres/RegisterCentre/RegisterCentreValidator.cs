using Cases.Domain.Centres;
using Cases.Domain.Regions;
using FluentValidation;

namespace Cases.Workflows.Centres.RegisterCentre;

public sealed class RegisterCentreValidator : AbstractValidator<RegisterCentreCommand>
{
    public RegisterCentreValidator()
    {
        RuleFor(command => command.Code).NotEmpty()
            .Must(code => new CentreCode(code!).IsWellFormed).When(command => !string.IsNullOrEmpty(command.Code))
            .WithMessage($"'code' must be {CentreCode.FormatDescription}.");
        RuleFor(command => command.Region).NotEmpty()
            .Must(region => Region.TryFromCode(region, out _)).When(command => !string.IsNullOrEmpty(command.Region))
            .WithMessage($"'region' must be one of {string.Join(", ", Region.All.Select(region => region.Code))}.");
        RuleFor(command => command.Name).NotEmpty().MaximumLength(ProtectionCentre.MaximumNameLength);
    }
}
