using Cases.Domain.Access;
using Cases.Domain.Calendars;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Calendars.AddCalendarYear;

public sealed class AddCalendarYearHandler(
    CasesDbContext database,
    CalendarRegistry calendars,
    ICalendarChangeConsequences consequences,
    ICurrentActor currentActor,
    TimeProvider time) : IRequestHandler<AddCalendarYearCommand, CalendarYearAddedView>
{
    public async Task<CalendarYearAddedView> Handle(AddCalendarYearCommand command, CancellationToken cancellationToken)
    {
        var region = RegionCalendars.RegionFromRoute(command.Region);
        currentActor.Require([Role.SystemAdmin], "Adding a calendar year");
        var year = command.Year!.Value;
        var days = command.Days!.Select(day =>
        {
            CalendarInput.TryParseDate(day.Date, out var date);
            CalendarInput.TryParseKind(day.Kind, out var kind);
            return new CalendarDay(date, kind, day.Name!.Trim());
        }).ToList();

        var (before, revision) = await calendars.LockForChangeAsync(region.Calendar, database, cancellationToken);
        if (before.Years.Contains(year))
        {
            throw new ConflictException($"The {region.Calendar} calendar already has {year}; record single days with POST /api/calendars/{region.Code}/days.");
        }

        var after = before.WithYear(year, days);
        // Before anything is stored, so the consequences see the calendar as it was and can still refuse.
        var impact = await consequences.ApplyAsync(region.Calendar, before, after, command.DryRun, cancellationToken);
        if (!command.DryRun)
        {
            await StoreAsync(region.Calendar.ToString(), year, command.Source!.Trim(), days, cancellationToken);
            revision = await calendars.RecordChangeAsync(database, cancellationToken);
        }

        return new CalendarYearAddedView(region.Code, region.Calendar.ToString(), RegionCalendars.SharedWith(region), year, command.Source!.Trim(), days.Count, revision, command.DryRun, impact);
    }

    private async Task StoreAsync(string calendar, int year, string source, IReadOnlyList<CalendarDay> days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actor = currentActor.Actor.Name;
        await using (var insertYear = CalendarDatabase.Command(database,
                         "INSERT INTO calendar_years (calendar, year, source, loaded_at, loaded_by) VALUES (@calendar, @year, @source, @at, @by)",
                         ("calendar", calendar), ("year", year), ("source", source), ("at", now), ("by", actor)))
        {
            await insertYear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insertDays = CalendarDatabase.Command(database,
            """
            INSERT INTO calendar_days (calendar, year, date, kind, name, recorded_at, recorded_by, reason)
            SELECT @calendar, @year, day.date, day.kind, day.name, @at, @by, @reason
            FROM unnest(@dates, @kinds, @names) AS day (date, kind, name)
            """,
            ("calendar", calendar), ("year", year), ("at", now), ("by", actor), ("reason", $"year {year} added"),
            ("dates", days.Select(day => day.Date).ToArray()),
            ("kinds", days.Select(day => day.Kind.ToString()).ToArray()),
            ("names", days.Select(day => day.Name).ToArray()));
        await insertDays.ExecuteNonQueryAsync(cancellationToken);
    }
}
