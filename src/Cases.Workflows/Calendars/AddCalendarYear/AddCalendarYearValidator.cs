using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using FluentValidation;

namespace Cases.Workflows.Calendars.AddCalendarYear;

public sealed class AddCalendarYearValidator : AbstractValidator<AddCalendarYearCommand>
{
    public const int MaximumNameLength = 200;
    public const int MaximumSourceLength = 1000;

    public AddCalendarYearValidator()
    {
        RuleFor(command => command.Year).NotNull().InclusiveBetween(1900, 2999);
        RuleFor(command => command.Source).NotEmpty().MaximumLength(MaximumSourceLength);
        RuleFor(command => command.Days).NotNull();
        RuleFor(command => command).Custom((command, context) =>
        {
            if (command.Days is null)
            {
                return;
            }

            Region.TryFromCode(command.Region?.ToUpperInvariant(), out var region);
            var seen = new HashSet<DateOnly>();
            for (var index = 0; index < command.Days.Count; index++)
            {
                var day = command.Days[index];
                var path = $"days[{index}]";
                if (day is null)
                {
                    context.AddFailure(path, $"'{path}' must be a day: {{date, kind, name}}.");
                    continue;
                }

                if (!CalendarInput.TryParseDate(day.Date, out var date))
                {
                    context.AddFailure($"{path}.date", $"'{path}.date' must be a date written yyyy-MM-dd.");
                }
                else if (command.Year is { } year && date.Year != year)
                {
                    context.AddFailure($"{path}.date", $"'{path}.date' ({day.Date}) is not in {year}.");
                }
                else if (!seen.Add(date))
                {
                    context.AddFailure($"{path}.date", $"'{path}.date' ({day.Date}) is given more than once.");
                }

                if (!CalendarInput.TryParseKind(day.Kind, out var kind))
                {
                    context.AddFailure($"{path}.kind", $"'{path}.kind' must be one of {CalendarInput.KindNames}.");
                }
                else if (region is not null && !WorkingCalendar.Allows(region.Calendar, kind))
                {
                    context.AddFailure($"{path}.kind", $"'{path}.kind': {WorkingCalendar.KindRestriction(kind)}");
                }
                else if (kind == CalendarDayKind.AdjustedWorkingDay && CalendarInput.TryParseDate(day.Date, out var adjusted) && adjusted.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    context.AddFailure($"{path}.kind", $"'{path}.kind': {day.Date} is a {adjusted.DayOfWeek}, already a working day; 调休 makes a weekend day a working day.");
                }

                if (string.IsNullOrWhiteSpace(day.Name))
                {
                    context.AddFailure($"{path}.name", $"'{path}.name' must not be blank: explanations name each day (e.g. 春节 Spring Festival).");
                }
                else if (day.Name.Length > MaximumNameLength)
                {
                    context.AddFailure($"{path}.name", $"'{path}.name' must be {MaximumNameLength} characters or fewer.");
                }
            }
        });
    }
}
