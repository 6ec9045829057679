using Cases.Domain.Access;
using Cases.Domain.Calendars;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Calendars.RecordCalendarDay;

public sealed class RecordCalendarDayHandler(
    CasesDbContext database,
    CalendarRegistry calendars,
    ICalendarChangeConsequences consequences,
    ICurrentActor currentActor,
    TimeProvider time) : IRequestHandler<RecordCalendarDayCommand, CalendarDayRecordedView>
{
    public async Task<CalendarDayRecordedView> Handle(RecordCalendarDayCommand command, CancellationToken cancellationToken)
    {
        var region = RegionCalendars.RegionFromRoute(command.Region);
        currentActor.Require([Role.SystemAdmin], "Recording a calendar day");
        CalendarInput.TryParseDate(command.Date, out var date);
        CalendarInput.TryParseKind(command.Kind, out var kind);
        var day = new CalendarDay(date, kind, command.Name!.Trim());
        var reason = command.Reason!.Trim();

        var (before, revision) = await calendars.LockForChangeAsync(region.Calendar, database, cancellationToken);
        // A year not loaded is refused (DateOutsideCalendarException): add the whole year first.
        var replaced = before.DayOn(date);
        var after = before.WithDay(day);
        // Before anything is stored, so the consequences see the calendar as it was and can still refuse.
        var impact = await consequences.ApplyAsync(region.Calendar, before, after, command.DryRun, cancellationToken);
        var now = time.GetUtcNow();
        if (!command.DryRun)
        {
            await using (var upsert = CalendarDatabase.Command(database,
                             """
                             INSERT INTO calendar_days (calendar, year, date, kind, name, recorded_at, recorded_by, reason)
                             VALUES (@calendar, @year, @date, @kind, @name, @at, @by, @reason)
                             ON CONFLICT (calendar, date) DO UPDATE SET
                                 kind = excluded.kind, name = excluded.name, recorded_at = excluded.recorded_at,
                                 recorded_by = excluded.recorded_by, reason = excluded.reason
                             """,
                             ("calendar", region.Calendar.ToString()), ("year", date.Year), ("date", date), ("kind", kind.ToString()),
                             ("name", day.Name), ("at", now), ("by", currentActor.Actor.Name), ("reason", reason)))
            {
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            revision = await calendars.RecordChangeAsync(database, cancellationToken);
        }

        return new CalendarDayRecordedView(
            region.Code,
            region.Calendar.ToString(),
            RegionCalendars.SharedWith(region),
            CalendarDayView.From(day, now, currentActor.Actor.Name, reason),
            replaced is null ? null : CalendarDayView.From(replaced),
            revision,
            command.DryRun,
            impact);
    }
}
