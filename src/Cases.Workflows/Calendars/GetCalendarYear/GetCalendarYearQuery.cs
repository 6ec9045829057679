using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Calendars.GetCalendarYear;

/// <summary>One loaded year of a region's calendar (节假日安排): its holidays, adjusted working days, half days and warning days.</summary>
public sealed record GetCalendarYearQuery(string Region, int Year) : IQuery<CalendarYearView>;

/// <summary>A year of a calendar; <c>sharedWith</c> names the other regions on the same calendar.</summary>
public sealed record CalendarYearView(
    string Region,
    string Calendar,
    IReadOnlyList<string> SharedWith,
    int Year,
    string Source,
    DateTimeOffset LoadedAt,
    string LoadedBy,
    IReadOnlyList<CalendarDayView> Days);
