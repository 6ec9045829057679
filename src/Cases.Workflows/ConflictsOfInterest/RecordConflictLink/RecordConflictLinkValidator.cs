using FluentValidation;

namespace Cases.Workflows.ConflictsOfInterest.RecordConflictLink;

public sealed class RecordConflictLinkValidator : AbstractValidator<RecordConflictLinkCommand>
{
    public RecordConflictLinkValidator()
    {
        RuleFor(command => command.Person).NotEmpty().MaximumLength(200);
        RuleFor(command => command.PartyName).NotEmpty().MaximumLength(200);
        RuleFor(command => command.Relationship).NotEmpty().MaximumLength(500);
    }
}
