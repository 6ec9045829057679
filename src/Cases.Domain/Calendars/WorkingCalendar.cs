using System.Runtime.CompilerServices;
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
    // One byte per day from 1 January of the first loaded year to 31 December of the last, so the
    // arithmetic asks an array instead of a dictionary. Zero marks a day of a year not loaded.
    internal const byte Loaded = 1;
    internal const byte Working = 2;
    internal const byte Excluded = 4;
    internal const byte Warning = 8;

    private readonly int[] years;
    private readonly Dictionary<DateOnly, CalendarDay> recorded;
    private readonly byte[] flags;
    private readonly int firstDayNumber;

    public WorkingCalendar(RegionCalendarKind kind, IEnumerable<int> years, IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(days);
        Kind = kind;
        this.years = years.Distinct().Order().ToArray();
        if (this.years.Any(year => year is < 1 or > 9998))
        {
            throw new ArgumentOutOfRangeException(nameof(years), "A calendar year must be between 1 and 9998.");
        }

        recorded = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in days)
        {
            if (Array.BinarySearch(this.years, day.Date.Year) < 0)
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} ({day.Name}) is not in a year of this calendar ({string.Join(", ", this.years)}).", nameof(days));
            }

            if (!Allows(kind, day.Kind))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd}: {KindRestriction(day.Kind)}", nameof(days));
            }

            if (!recorded.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is recorded more than once.", nameof(days));
            }
        }

        if (this.years.Length == 0)
        {
            flags = [];
            return;
        }

        firstDayNumber = new DateOnly(this.years[0], 1, 1).DayNumber;
        flags = new byte[new DateOnly(this.years[^1], 12, 31).DayNumber - firstDayNumber + 1];
        foreach (var year in this.years)
        {
            var first = new DateOnly(year, 1, 1).DayNumber;
            var last = new DateOnly(year, 12, 31).DayNumber;
            for (var dayNumber = first; dayNumber <= last; dayNumber++)
            {
                var date = DateOnly.FromDayNumber(dayNumber);
                flags[dayNumber - firstDayNumber] = FlagsOf(kind, date, recorded.GetValueOrDefault(date));
            }
        }
    }

    public RegionCalendarKind Kind { get; }

    public IReadOnlyCollection<int> Years => years;

    public bool Covers(DateOnly date) => FlagsOrZero(date.DayNumber) != 0;

    /// <summary>The recorded entry for a date, if any (null for an ordinary weekday or weekend day).</summary>
    public CalendarDay? DayOn(DateOnly date)
    {
        FlagsAt(date.DayNumber);
        return recorded.GetValueOrDefault(date);
    }

    /// <summary>The recorded entries of one loaded year, in date order.</summary>
    public IReadOnlyList<CalendarDay> DaysOf(int year)
    {
        if (Array.BinarySearch(years, year) < 0)
        {
            throw new DateOutsideCalendarException(Kind, new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), years);
        }

        return recorded.Values.Where(day => day.Date.Year == year).OrderBy(day => day.Date).ToList();
    }

    /// <summary>A working day of this calendar (mainland: Mon–Fri not off, plus 调休 days; Hong Kong: Mon–Fri not a general holiday; Macao: Mon–Fri not a public or full government holiday).</summary>
    public bool IsWorkingDay(DateOnly date) => (FlagsAt(date.DayNumber) & Working) != 0;

    /// <summary>
    /// A Hong Kong excluded day (Cap. 1 s. 71: a general holiday, which every Sunday is, or a day a
    /// gale or black rainstorm warning was in force). Elsewhere, a day that is not a working day.
    /// </summary>
    public bool IsExcludedDay(DateOnly date) => (FlagsAt(date.DayNumber) & Excluded) != 0;

    /// <summary>A calendar with one more year (replacing nothing: the year must not be loaded).</summary>
    public WorkingCalendar WithYear(int year, IEnumerable<CalendarDay> days)
    {
        if (Array.BinarySearch(years, year) >= 0)
        {
            throw new ArgumentException($"The {Kind} calendar already has the year {year}.", nameof(year));
        }

        return new WorkingCalendar(Kind, years.Append(year), recorded.Values.Concat(days));
    }

    /// <summary>A calendar with one date recorded (replacing any entry the date had).</summary>
    public WorkingCalendar WithDay(CalendarDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        FlagsAt(day.Date.DayNumber);
        return new WorkingCalendar(Kind, years, recorded.Values.Where(existing => existing.Date != day.Date).Append(day));
    }

    /// <summary>Whether a calendar of this kind may record a day of that kind: 调休 is mainland only, government days Macao only, warning days Hong Kong only.</summary>
    public static bool Allows(RegionCalendarKind calendar, CalendarDayKind day) => day switch
    {
        CalendarDayKind.Holiday => true,
        CalendarDayKind.AdjustedWorkingDay => calendar == RegionCalendarKind.Mainland,
        CalendarDayKind.GovernmentHoliday or CalendarDayKind.HalfDayGovernmentHoliday => calendar == RegionCalendarKind.Macao,
        CalendarDayKind.WarningDay => calendar == RegionCalendarKind.HongKong,
        _ => false,
    };

    /// <summary>Why a day kind is refused where <see cref="Allows"/> says no.</summary>
    public static string KindRestriction(CalendarDayKind day) => day switch
    {
        CalendarDayKind.AdjustedWorkingDay => "AdjustedWorkingDay (调休) exists only in the mainland calendar.",
        CalendarDayKind.GovernmentHoliday or CalendarDayKind.HalfDayGovernmentHoliday => $"{day} (政府假期) exists only in the Macao calendar.",
        CalendarDayKind.WarningDay => "WarningDay (gale or black rainstorm warning, Cap. 1 s. 71) exists only in the Hong Kong calendar.",
        _ => $"{day} is not a kind of calendar day.",
    };

    /// <summary>The day's flags; throws for a day of a year not loaded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal byte FlagsAt(int dayNumber)
    {
        var index = (uint)(dayNumber - firstDayNumber);
        if (index < (uint)flags.Length)
        {
            var value = flags[index];
            if (value != 0)
            {
                return value;
            }
        }

        return ThrowOutside(dayNumber);
    }

    private byte FlagsOrZero(int dayNumber)
    {
        var index = (uint)(dayNumber - firstDayNumber);
        return index < (uint)flags.Length ? flags[index] : (byte)0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte ThrowOutside(int dayNumber) =>
        throw new DateOutsideCalendarException(Kind, DateOnly.FromDayNumber(Math.Clamp(dayNumber, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)), years);

    private static byte FlagsOf(RegionCalendarKind kind, DateOnly date, CalendarDay? day)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var working = kind switch
        {
            RegionCalendarKind.Mainland => day?.Kind == CalendarDayKind.AdjustedWorkingDay || (!weekend && day?.Kind != CalendarDayKind.Holiday),
            // A warning day is still a working day; it matters only as an excluded day (Cap. 1 s. 71).
            RegionCalendarKind.HongKong => !weekend && day?.Kind != CalendarDayKind.Holiday,
            // A half-day government holiday leaves the morning open, so it stays a working day.
            RegionCalendarKind.Macao => !weekend && day?.Kind is not (CalendarDayKind.Holiday or CalendarDayKind.GovernmentHoliday),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown calendar kind."),
        };
        var excluded = kind == RegionCalendarKind.HongKong
            ? date.DayOfWeek == DayOfWeek.Sunday || day?.Kind is CalendarDayKind.Holiday or CalendarDayKind.WarningDay
            : !working;
        return (byte)(Loaded
                      | (working ? Working : 0)
                      | (excluded ? Excluded : 0)
                      | (day?.Kind == CalendarDayKind.WarningDay ? Warning : 0));
    }
}
