using System.Globalization;
using Cases.Api.Web;
using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// A loaded calendar year as twelve month tables, weeks from Monday (as calendars in the 9+2 are
/// printed): each date with what the calendar records about it, or whether it is a weekend day.
/// </summary>
public sealed class CalendarGrid(int year, IReadOnlyList<CalendarDayView> days)
{
    private readonly Dictionary<DateOnly, CalendarDayView> recorded = days.ToDictionary(day => day.Date);

    public int Year { get; } = year;

    public IEnumerable<int> Months => Enumerable.Range(1, 12);

    /// <summary>Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The weeks of a month, each seven dates or blanks (before the 1st and after the last).</summary>
    public IReadOnlyList<DateOnly?[]> Weeks(int month)
    {
        var first = new DateOnly(Year, month, 1);
        var offset = ((int)first.DayOfWeek + 6) % 7;
        var count = DateTime.DaysInMonth(Year, month);
        var weeks = new List<DateOnly?[]>();
        var week = new DateOnly?[7];
        for (var index = 0; index < offset + count; index++)
        {
            if (index >= offset)
            {
                week[index % 7] = first.AddDays(index - offset);
            }

            if (index % 7 == 6)
            {
                weeks.Add(week);
                week = new DateOnly?[7];
            }
        }

        if ((offset + count) % 7 != 0)
        {
            weeks.Add(week);
        }

        return weeks;
    }

    public CalendarDayView? On(DateOnly date) => recorded.GetValueOrDefault(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The class that marks a date: a recorded kind, else a weekend day, else none.</summary>
    public string ClassOf(DateOnly date) => On(date) is { } entry ? ClassOfKind(entry.Kind) : IsWeekend(date) ? "day--weekend" : string.Empty;

    /// <summary>The class that marks a recorded kind of day (in the grid and in its key).</summary>
    public static string ClassOfKind(string kind) => kind switch
    {
        nameof(CalendarDayKind.Holiday) => "day--holiday",
        nameof(CalendarDayKind.GovernmentHoliday) => "day--holiday day--government",
        nameof(CalendarDayKind.AdjustedWorkingDay) => "day--working",
        nameof(CalendarDayKind.HalfDayGovernmentHoliday) => "day--half",
        nameof(CalendarDayKind.WarningDay) => "day--warning",
        _ => string.Empty,
    };

    /// <summary>A month's name in the reader's language: 十月 / 十月 / October.</summary>
    public static string MonthName(int month) => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(month);

    public static string WeekdayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    public static string WeekdayFullName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>A calendar day kind's name in the reader's language, a holiday as its calendar calls it.</summary>
    public static string KindName(string kind, RegionCalendarKind calendar, Texts texts) => kind switch
    {
        nameof(CalendarDayKind.Holiday) => calendar switch
        {
            RegionCalendarKind.Mainland => texts["Statutory holiday"],
            RegionCalendarKind.HongKong => texts["General holiday"],
            _ => texts["Public holiday"],
        },
        nameof(CalendarDayKind.AdjustedWorkingDay) => texts["Adjusted working day (调休)"],
        nameof(CalendarDayKind.GovernmentHoliday) => texts["Government holiday"],
        nameof(CalendarDayKind.HalfDayGovernmentHoliday) => texts["Government half-day holiday (afternoon)"],
        nameof(CalendarDayKind.WarningDay) => texts["Warning day (gale or black rainstorm)"],
        _ => kind,
    };

    /// <summary>The short mark printed in a marked date's cell, so the kind is not told by colour alone (休 and 班 as Chinese calendars print them).</summary>
    public static string KindMark(string kind, Texts texts) => kind switch
    {
        nameof(CalendarDayKind.Holiday) => texts["mark: holiday"],
        nameof(CalendarDayKind.AdjustedWorkingDay) => texts["mark: adjusted working day"],
        nameof(CalendarDayKind.GovernmentHoliday) => texts["mark: government holiday"],
        nameof(CalendarDayKind.HalfDayGovernmentHoliday) => texts["mark: government half day"],
        nameof(CalendarDayKind.WarningDay) => texts["mark: warning day"],
        _ => string.Empty,
    };
}
