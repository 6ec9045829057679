using Cases.Domain.Calendars;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Calendars.GetCalendarYear;

public sealed class GetCalendarYearHandler(CasesDbContext database) : IRequestHandler<GetCalendarYearQuery, CalendarYearView>
{
    public async Task<CalendarYearView> Handle(GetCalendarYearQuery query, CancellationToken cancellationToken)
    {
        var region = RegionCalendars.RegionFromRoute(query.Region);
        var calendar = region.Calendar.ToString();
        await database.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            string source;
            DateTimeOffset loadedAt;
            string loadedBy;
            await using (var command = CalendarDatabase.Command(database, "SELECT source, loaded_at, loaded_by FROM calendar_years WHERE calendar = @calendar AND year = @year",
                             ("calendar", calendar), ("year", query.Year)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new NotFoundException($"{region.Calendar} calendar year", query.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                (source, loadedAt, loadedBy) = (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2));
            }

            var days = new List<CalendarDayView>();
            await using (var command = CalendarDatabase.Command(database,
                             "SELECT date, kind, name, recorded_at, recorded_by, reason FROM calendar_days WHERE calendar = @calendar AND year = @year ORDER BY date",
                             ("calendar", calendar), ("year", query.Year)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var day = new CalendarDay(reader.GetFieldValue<DateOnly>(0), Enum.Parse<CalendarDayKind>(reader.GetString(1)), reader.GetString(2));
                    days.Add(CalendarDayView.From(day, reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
                }
            }

            return new CalendarYearView(region.Code, calendar, RegionCalendars.SharedWith(region), query.Year, source, loadedAt, loadedBy, days);
        }
        finally
        {
            await database.Database.CloseConnectionAsync();
        }
    }
}
