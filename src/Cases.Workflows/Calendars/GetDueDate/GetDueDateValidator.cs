using Cases.Domain.Calendars;
using FluentValidation;

namespace Cases.Workflows.Calendars.GetDueDate;

public sealed class GetDueDateValidator : AbstractValidator<GetDueDateQuery>
{
    public const int MaximumAmount = 1000;

    public GetDueDateValidator()
    {
        RuleFor(query => query.Start).NotEmpty()
            .Must(start => DueStart.TryParse(start, out _)).When(query => !string.IsNullOrEmpty(query.Start), ApplyConditionTo.CurrentValidator)
            .WithMessage("'start' must be a date (2026-03-02) or a local date and time (2026-03-02T10:20, optionally with seconds and +08:00).");
        RuleFor(query => query.Start)
            .Must(start => DueStart.TryParse(start, out var parsed) && parsed.HasTimeOfDay)
            .When(query => query.Unit == "hours" && DueStart.TryParse(query.Start, out _))
            .WithMessage("'start' needs a time of day for a period in hours, e.g. 2026-03-02T10:20: a date alone does not say when the hours begin.");
        RuleFor(query => query.Amount).NotNull().InclusiveBetween(1, MaximumAmount);
        RuleFor(query => query.Unit).NotEmpty()
            .Must(unit => PeriodUnitNames.All.ContainsKey(unit!)).When(query => !string.IsNullOrEmpty(query.Unit), ApplyConditionTo.CurrentValidator)
            .WithMessage($"'unit' must be one of {string.Join(", ", PeriodUnitNames.All.Keys)}.");
    }
}
