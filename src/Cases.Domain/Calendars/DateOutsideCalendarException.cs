using Cases.Domain.Regions;

namespace Cases.Domain.Calendars;

/// <summary>
/// A computation needed a date of a year the calendar has not loaded. Holidays are never guessed:
/// an administrator adds the year, and the deadlines waiting for it are computed then.
/// </summary>
public sealed class DateOutsideCalendarException(RegionCalendarKind calendar, DateOnly date, IReadOnlyCollection<int> loadedYears)
    : Exception($"The {calendar} calendar has no data for {date:yyyy-MM-dd}: it covers {(loadedYears.Count == 0 ? "no years" : string.Join(", ", loadedYears.Order()))}. Add the year {date.Year} before computing this deadline.")
{
    public RegionCalendarKind Calendar { get; } = calendar;

    public DateOnly Date { get; } = date;
}
