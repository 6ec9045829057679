using Cases.Domain.Cases;
using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;
using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Cases.FileCase;

public sealed class FileCaseValidator : AbstractValidator<FileCaseCommand>
{
    public FileCaseValidator()
    {
        // May be left out by a key enterprise's user only, whose centre is the enterprise's: the handler knows who files.
        RuleFor(command => command.Centre).MustBeACentreCode();
        RuleFor(command => command.Kind).NotNull();
        RuleFor(command => command.Title).NotEmpty().MaximumLength(CaseFiling.MaximumTitleLength);
        RuleFor(command => command.Summary).MaximumLength(CaseFiling.MaximumSummaryLength);
        RuleFor(command => command.ExternalReference).MaximumLength(CaseFiling.MaximumExternalReferenceLength);

        RuleFor(command => command.Parties).NotEmpty()
            .Must(parties => parties!.Count <= CaseFiling.MaximumParties).When(command => command.Parties is not null)
            .WithMessage($"A case names at most {CaseFiling.MaximumParties} parties.");
        // Elements are checked only when the list is within bounds: an over-long list is one error, not thousands.
        RuleForEach(command => command.Parties).NotNull().WithMessage("'{PropertyName}' must be a party, not null.")
            .SetValidator(new PartyInputValidator())
            .When(command => command.Parties is { Count: <= CaseFiling.MaximumParties });

        RuleFor(command => command.Rights).NotEmpty()
            .Must(rights => rights!.Count <= CaseFiling.MaximumRights).When(command => command.Rights is not null)
            .WithMessage($"A case concerns at most {CaseFiling.MaximumRights} rights.");
        RuleForEach(command => command.Rights).NotNull().WithMessage("'{PropertyName}' must be a right, not null.")
            .SetValidator(new RightInputValidator())
            .When(command => command.Rights is { Count: <= CaseFiling.MaximumRights });
    }

    private sealed class PartyInputValidator : AbstractValidator<FileCaseCommand.PartyInput>
    {
        public PartyInputValidator()
        {
            RuleFor(party => party.Role).NotNull();
            RuleFor(party => party.Kind).NotNull();
            RuleFor(party => party.Name).NotEmpty().MaximumLength(Party.MaximumNameLength);
            RuleFor(party => party.Identifier).MaximumLength(Party.MaximumIdentifierLength);
            RuleFor(party => party.Email).MaximumLength(Party.MaximumEmailLength).EmailAddress();
            RuleFor(party => party.Phone).MaximumLength(Party.MaximumPhoneLength)
                .Matches(@"^\+?[0-9][0-9 ()\-]*$").WithMessage("'phone' may contain only digits, spaces, brackets, dashes and a leading +.");
            RuleFor(party => party.Address).MaximumLength(Party.MaximumAddressLength);
        }
    }

    private sealed class RightInputValidator : AbstractValidator<FileCaseCommand.RightInput>
    {
        public RightInputValidator()
        {
            RuleFor(right => right.Kind).NotNull();
            RuleFor(right => right.Number).NotEmpty();
            RuleFor(right => right.Number)
                .Must((right, number) => NumberRules.ProblemWith(right.Kind!.Value, number) is null)
                .When(right => right.Kind is not null && !string.IsNullOrWhiteSpace(right.Number))
                .WithMessage(right => NumberRules.ProblemWith(right.Kind!.Value, right.Number));
            RuleFor(right => right.Title).MaximumLength(IntellectualPropertyRight.MaximumTitleLength);
        }
    }
}
