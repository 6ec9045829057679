using Cases.Domain.Deadlines;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars;
using Cases.Workflows.Persistence;
using FluentValidation;

namespace Cases.Workflows.Deadlines.OverrideDeadlineRule;

public sealed class OverrideDeadlineRuleValidator : AbstractValidator<OverrideDeadlineRuleCommand>
{
    public OverrideDeadlineRuleValidator()
    {
        RuleFor(command => command.Region)
            .Must(region => region == DeadlineRuleOverride.AllRegions || Region.TryFromCode(region, out _))
            .WithMessage($"'{{PropertyName}}' must be a region code ({string.Join(", ", Region.All.Select(region => region.Code))}) or '*' for all.");
        RuleFor(command => command.Amount).InclusiveBetween(1, 1000);
        RuleFor(command => command.Unit).NotEmpty().Must(BeAUnit).WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", PeriodUnitNames.All.Keys)}.");
        RuleFor(command => command.CalendarOf).NotEmpty().IsEnumName(typeof(DeadlineCalendarOwner), caseSensitive: true);
        RuleFor(command => command.OnExpiry).NotEmpty().IsEnumName(typeof(DeadlineExpiry), caseSensitive: true);
        RuleFor(command => command.ReminderAmount).InclusiveBetween(1, 1000).When(command => command.ReminderAmount is not null);
        RuleFor(command => command.ReminderUnit).NotEmpty().When(command => command.ReminderAmount is not null)
            .WithMessage("'{PropertyName}' must be given with a reminder amount.");
        RuleFor(command => command.ReminderUnit).Must(BeAUnit).When(command => command.ReminderUnit is not null)
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", PeriodUnitNames.All.Keys)}.");
        RuleFor(command => command.ReminderAmount).NotNull().When(command => command.ReminderUnit is not null)
            .WithMessage("'{PropertyName}' must be given with a reminder unit.");
        RuleFor(command => command.ExtensionAmount).InclusiveBetween(1, 1000).When(command => command.ExtensionAmount is not null);
        RuleFor(command => command.PriorityTargetAmount).InclusiveBetween(1, 1000).When(command => command.PriorityTargetAmount is not null);
        RuleFor(command => command.Source).NotEmpty().MaximumLength(OverrideDeadlineRuleCommand.MaximumSourceLength);
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(OverrideDeadlineRuleCommand.MaximumReasonLength);
    }

    private static bool BeAUnit(string? unit) => unit is null || PeriodUnitNames.All.ContainsKey(unit);
}
