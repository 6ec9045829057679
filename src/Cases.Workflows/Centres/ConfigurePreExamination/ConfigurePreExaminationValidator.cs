using FluentValidation;

namespace Cases.Workflows.Centres.ConfigurePreExamination;

public sealed partial class ConfigurePreExaminationValidator : AbstractValidator<ConfigurePreExaminationCommand>
{
    public const int MaximumEntries = 1000;

    public ConfigurePreExaminationValidator()
    {
        RuleFor(command => command.TechnicalScope).NotNull().Must(scope => scope!.Count <= MaximumEntries)
            .WithMessage($"'technicalScope' lists at most {MaximumEntries} classes.");
        RuleForEach(command => command.TechnicalScope).NotEmpty().Matches(IpcClass())
            .WithMessage("'{PropertyName}' must be an IPC class or class prefix, e.g. H04L, G06F 16 or G06F 16/35.");
        RuleFor(command => command.RegisteredApplicants).NotNull().Must(applicants => applicants!.Count <= MaximumEntries)
            .WithMessage($"'registeredApplicants' lists at most {MaximumEntries} applicants.");
        RuleForEach(command => command.RegisteredApplicants).ChildRules(applicant =>
        {
            applicant.RuleFor(details => details.Name).NotEmpty().MaximumLength(200);
            applicant.RuleFor(details => details.Identifier).MaximumLength(64);
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-H]([0-9]{2}([A-Z](\s?[0-9]{1,4}(/[0-9]{2,6})?)?)?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IpcClass();
}
