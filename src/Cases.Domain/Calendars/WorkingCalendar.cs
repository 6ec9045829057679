using Cases.Domain.Regions;

namespace Cases.Domain.Calendars;

/// <summary>
/// The holiday calendar (节假日安排) of one calendar kind (the mainland's national schedule, Hong
/// Kong's or Macao's) over the years loaded into it. Immutable: a change makes a new calendar, so
/// a dry run can compute with the changed one while the stored one stays in use.
/// Every question about a date outside the loaded years throws <see cref="DateOutsideCalendarException"/>.
/// </summary>
public sealed class WorkingCalendar
{
    public WorkingCalendar(RegionCalendarKind kind, IEnumerable<int> years, IEnumerable<CalendarDay> days)
    {
        throw new NotImplementedException();
    }

    public RegionCalendarKind Kind { get; }

    public IReadOnlyCollection<int> Years => throw new NotImplementedException();

    public bool Covers(DateOnly date) => throw new NotImplementedException();

    /// <summary>The recorded entry for a date, if any (null for an ordinary weekday or weekend day).</summary>
    public CalendarDay? DayOn(DateOnly date) => throw new NotImplementedException();

    /// <summary>The recorded entries of one loaded year, in date order.</summary>
    public IReadOnlyList<CalendarDay> DaysOf(int year) => throw new NotImplementedException();

    /// <summary>A working day of this calendar (mainland: Mon–Fri not off, plus 调休 days; Hong Kong: Mon–Fri not a general holiday; Macao: Mon–Fri not a public or full government holiday).</summary>
    public bool IsWorkingDay(DateOnly date) => throw new NotImplementedException();

    /// <summary>A calendar with one more year (replacing nothing: the year must not be loaded).</summary>
    public WorkingCalendar WithYear(int year, IEnumerable<CalendarDay> days) => throw new NotImplementedException();

    /// <summary>A calendar with one date recorded (replacing any entry the date had).</summary>
    public WorkingCalendar WithDay(CalendarDay day) => throw new NotImplementedException();
}
