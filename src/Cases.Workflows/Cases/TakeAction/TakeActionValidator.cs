using FluentValidation;

namespace Cases.Workflows.Cases.TakeAction;

public sealed class TakeActionValidator : AbstractValidator<TakeActionCommand>
{
    /// <summary>No transition takes more fields; a larger payload is a mistake, not data.</summary>
    public const int MaximumPayloadFields = 50;

    public TakeActionValidator()
    {
        RuleFor(command => command.Action).NotEmpty().MaximumLength(64).Matches("^[a-z][A-Za-z0-9]*$")
            .WithMessage("'action' must be an action name in camelCase, e.g. acceptCase.");
        RuleFor(command => command.ExpectedVersion).GreaterThanOrEqualTo(1);
        RuleFor(command => command.Payload!.Count).LessThanOrEqualTo(MaximumPayloadFields).When(command => command.Payload is not null)
            .OverridePropertyName("payload").WithMessage($"'payload' has more than {MaximumPayloadFields} fields.");
    }
}
