using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars.AddCalendarYear;
using FluentValidation;

namespace Cases.Workflows.Calendars.RecordCalendarDay;

public sealed class RecordCalendarDayValidator : AbstractValidator<RecordCalendarDayCommand>
{
    public const int MaximumReasonLength = 1000;

    public RecordCalendarDayValidator()
    {
        RuleFor(command => command.Date).NotEmpty()
            .Must(date => CalendarInput.TryParseDate(date, out _)).When(command => !string.IsNullOrEmpty(command.Date), ApplyConditionTo.CurrentValidator)
            .WithMessage("'date' must be a date written yyyy-MM-dd.");
        RuleFor(command => command.Kind).NotEmpty()
            .Must(kind => CalendarInput.TryParseKind(kind, out _)).When(command => !string.IsNullOrEmpty(command.Kind), ApplyConditionTo.CurrentValidator)
            .WithMessage($"'kind' must be one of {CalendarInput.KindNames}.");
        RuleFor(command => command).Custom((command, context) =>
        {
            if (!CalendarInput.TryParseKind(command.Kind, out var kind))
            {
                return;
            }

            if (Region.TryFromCode(command.Region?.ToUpperInvariant(), out var region) && !WorkingCalendar.Allows(region.Calendar, kind))
            {
                context.AddFailure("kind", $"'kind': {WorkingCalendar.KindRestriction(kind)}");
            }
            else if (kind == CalendarDayKind.AdjustedWorkingDay && CalendarInput.TryParseDate(command.Date, out var date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                context.AddFailure("kind", $"'kind': {command.Date} is a {date.DayOfWeek}, already a working day; 调休 makes a weekend day a working day.");
            }
        });
        RuleFor(command => command.Name).NotEmpty().MaximumLength(AddCalendarYearValidator.MaximumNameLength);
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(MaximumReasonLength);
    }
}
