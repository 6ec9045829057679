using System.Globalization;
using Cases.Domain.Regions;

namespace Cases.Domain.Calendars;

/// <summary>
/// Computes when a time limit expires under the counting law of the calendar's region:
/// the mainland (民事诉讼法 art. 85), Hong Kong (Cap. 1 s. 71) or Macao. Pure and allocation-free
/// on the fast path (<see cref="ExpiryOf"/>); <see cref="Compute"/> also explains each step.
/// </summary>
public static class DeadlineArithmetic
{
    // Every region of the 9+2 keeps UTC+8 all year, so a local date is the UTC instant plus 8 hours.
    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);
    private const long LocalOffsetTicks = 8 * TimeSpan.TicksPerHour;

    /// <summary>Hong Kong periods of this many days or fewer do not count excluded days at all (Cap. 1 s. 71(1)(b)).</summary>
    public const int HongKongShortPeriodDays = 6;

    /// <summary>
    /// The instant a period starting at <paramref name="start"/> expires.
    /// <paramref name="addedUnits"/> are paused units added back, in <see cref="Period.PauseUnit"/>.
    /// </summary>
    public static DateTimeOffset ExpiryOf(WorkingCalendar calendar, DateTimeOffset start, Period period, int addedUnits = 0)
    {
        CheckArguments(calendar, period, addedUnits);
        return period.Unit == PeriodUnit.Hours
            ? HoursExpiry(calendar.Kind, start, period.Amount + addedUnits)
            : EndOfDay(LastDayNumber(calendar, LocalDayNumber(start), period, addedUnits, null));
    }

    /// <summary>The same computation as <see cref="ExpiryOf"/>, with its explanation.</summary>
    public static ComputedDue Compute(WorkingCalendar calendar, DateTimeOffset start, Period period, int addedUnits = 0)
    {
        CheckArguments(calendar, period, addedUnits);
        var steps = new List<ExplanationStep>
        {
            new(ExplanationStepKind.CountingLaw, null, CountingLaw(calendar.Kind, period)),
        };
        if (period.Unit == PeriodUnit.Hours)
        {
            var expiresAt = HoursExpiry(calendar.Kind, start, period.Amount + addedUnits);
            var local = start.ToOffset(LocalOffset);
            steps.Add(new ExplanationStep(ExplanationStepKind.Start, DateOnly.FromDateTime(local.DateTime),
                calendar.Kind == RegionCalendarKind.Mainland
                    ? $"Starts {Instant(local)}; the starting hour is not counted, so counting begins at {Instant(expiresAt.AddHours(-(period.Amount + addedUnits)))}."
                    : $"Starts {Instant(local)}; the hours run from that moment."));
            if (addedUnits > 0)
            {
                steps.Add(new ExplanationStep(ExplanationStepKind.Paused, null, $"{addedUnits} paused hour(s) (中止) added back."));
            }

            // The last day of an hours period is the day whose end the expiry falls in or on.
            var lastDay = DateOnly.FromDateTime(expiresAt.DateTime.AddTicks(-1));
            steps.Add(new ExplanationStep(ExplanationStepKind.Due, lastDay, $"{period.Amount + addedUnits} hours: the period expires at {Instant(expiresAt)}."));
            return new ComputedDue(lastDay, expiresAt, steps);
        }

        var startDay = LocalDayNumber(start);
        steps.Add(new ExplanationStep(ExplanationStepKind.Start, DateOnly.FromDayNumber(startDay), $"{Day(startDay)}: the start day, not counted."));
        if (addedUnits > 0)
        {
            steps.Add(new ExplanationStep(ExplanationStepKind.Paused, null,
                $"{addedUnits} paused {(period.PauseUnit == PeriodUnit.WorkingDays ? "working day(s)" : "day(s)")} (中止) added back."));
        }

        var last = LastDayNumber(calendar, startDay, period, addedUnits, steps);
        var due = EndOfDay(last);
        steps.Add(new ExplanationStep(ExplanationStepKind.Due, DateOnly.FromDayNumber(last), $"Last day {Day(last)}; the period expires at {Instant(due)}."));
        return new ComputedDue(DateOnly.FromDayNumber(last), due, steps);
    }

    /// <summary>
    /// When to remind: the start (00:00 in the region) of the day <paramref name="before"/> ahead of
    /// the last day, counted backwards in that unit; for hours, that many hours before expiry.
    /// </summary>
    public static DateTimeOffset ReminderOf(WorkingCalendar calendar, ComputedDue due, Period before)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(due);
        ArgumentOutOfRangeException.ThrowIfNegative(before.Amount);
        switch (before.Unit)
        {
            case PeriodUnit.Hours:
                return due.ExpiresAt.ToOffset(LocalOffset).AddHours(-before.Amount);
            case PeriodUnit.Days:
                return StartOfDay(due.LastDay.DayNumber - before.Amount);
            case PeriodUnit.WorkingDays:
                var day = due.LastDay.DayNumber;
                for (var counted = 0; counted < before.Amount;)
                {
                    day--;
                    if ((calendar.FlagsAt(day) & WorkingCalendar.Working) != 0)
                    {
                        counted++;
                    }
                }

                return StartOfDay(day);
            default:
                throw new ArgumentException($"A reminder is set in working days, days or hours before the due date, not in {before.Unit}.", nameof(before));
        }
    }

    /// <summary>
    /// How many units of <paramref name="unit"/> a pause from <paramref name="pausedAt"/> to
    /// <paramref name="resumedAt"/> takes out of the count: for days and working days, the days (or
    /// working days) from the pause day up to the day before resumption; for hours, whole hours rounded up.
    /// </summary>
    public static int PausedUnits(WorkingCalendar calendar, PeriodUnit unit, DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (resumedAt < pausedAt)
        {
            throw new ArgumentException($"The resumption ({resumedAt:O}) is before the pause ({pausedAt:O}).", nameof(resumedAt));
        }

        var pauseDay = LocalDayNumber(pausedAt);
        var resumeDay = LocalDayNumber(resumedAt);
        switch (unit)
        {
            case PeriodUnit.Hours:
                return checked((int)(((resumedAt - pausedAt).Ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour));
            case PeriodUnit.Days or PeriodUnit.Months:
                return resumeDay - pauseDay;
            case PeriodUnit.WorkingDays:
                var working = 0;
                for (var day = pauseDay; day < resumeDay; day++)
                {
                    if ((calendar.FlagsAt(day) & WorkingCalendar.Working) != 0)
                    {
                        working++;
                    }
                }

                return working;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown period unit.");
        }
    }

    private static void CheckArguments(WorkingCalendar calendar, Period period, int addedUnits)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (period.Amount < 0 || addedUnits < 0 || period.Unit is < PeriodUnit.WorkingDays or > PeriodUnit.Hours)
        {
            ThrowBadPeriod(period, addedUnits);
        }
    }

    private static void ThrowBadPeriod(Period period, int addedUnits) =>
        throw new ArgumentOutOfRangeException(nameof(period), $"A period needs a known unit and amounts of zero or more, got {period} plus {addedUnits}.");

    private static int LocalDayNumber(DateTimeOffset instant) => (int)((instant.UtcTicks + LocalOffsetTicks) / TimeSpan.TicksPerDay);

    private static DateTimeOffset EndOfDay(int dayNumber) => StartOfDay(dayNumber + 1);

    private static DateTimeOffset StartOfDay(int dayNumber) => new(dayNumber * TimeSpan.TicksPerDay, LocalOffset);

    private static DateTimeOffset HoursExpiry(RegionCalendarKind kind, DateTimeOffset start, int hours)
    {
        var local = start.ToOffset(LocalOffset);
        if (kind == RegionCalendarKind.Mainland)
        {
            // 民事诉讼法 art. 85: the starting hour is not counted, so the count begins at the next whole hour.
            local = new DateTimeOffset(local.Ticks - local.Ticks % TimeSpan.TicksPerHour + TimeSpan.TicksPerHour, LocalOffset);
        }

        return local.AddHours(hours);
    }

    private static int LastDayNumber(WorkingCalendar calendar, int startDay, Period period, int addedUnits, List<ExplanationStep>? steps)
    {
        var hongKong = calendar.Kind == RegionCalendarKind.HongKong;
        switch (period.Unit)
        {
            case PeriodUnit.WorkingDays:
            {
                var last = CountForward(calendar, startDay, period.Amount + addedUnits, WorkingCalendar.Working, WorkingCalendar.Working, steps);
                // Hong Kong: a working-day period whose last day is a warning day ends on the next working day.
                return hongKong
                    ? RollForward(calendar, last, WorkingCalendar.Working | WorkingCalendar.Warning, WorkingCalendar.Working, steps)
                    : last;
            }

            case PeriodUnit.Days when hongKong && period.Amount <= HongKongShortPeriodDays:
                return CountForward(calendar, startDay, period.Amount + addedUnits, WorkingCalendar.Excluded, 0, steps);
            case PeriodUnit.Days:
                return RollForwardFromNominal(calendar, startDay + period.Amount + addedUnits, steps);
            default:
            {
                var startDate = DateOnly.FromDayNumber(startDay);
                var target = startDate.AddMonths(period.Amount);
                if (steps is not null && target.Day != startDate.Day)
                {
                    steps.Add(new ExplanationStep(ExplanationStepKind.Clamped, target,
                        $"{startDate:yyyy-MM-dd} + {period.Amount} month(s): {target:MMMM yyyy} has no day {startDate.Day}, so the period ends on its last day, {Day(target.DayNumber)}."));
                }

                return RollForwardFromNominal(calendar, target.DayNumber + addedUnits, steps);
            }
        }
    }

    private static int RollForwardFromNominal(WorkingCalendar calendar, int nominal, List<ExplanationStep>? steps) =>
        calendar.Kind == RegionCalendarKind.HongKong
            ? RollForward(calendar, nominal, WorkingCalendar.Excluded, 0, steps)
            : RollForward(calendar, nominal, WorkingCalendar.Working, WorkingCalendar.Working, steps);

    /// <summary>Counts <paramref name="count"/> days after the start day whose flags under <paramref name="mask"/> equal <paramref name="wanted"/>.</summary>
    private static int CountForward(WorkingCalendar calendar, int startDay, int count, byte mask, byte wanted, List<ExplanationStep>? steps)
    {
        var day = startDay;
        var counted = 0;
        while (counted < count)
        {
            day++;
            var flags = calendar.FlagsAt(day);
            if ((flags & mask) == wanted)
            {
                counted++;
                if (steps is not null && IsNotable(calendar, day))
                {
                    steps.Add(new ExplanationStep(ExplanationStepKind.Counted, DateOnly.FromDayNumber(day), $"{Describe(calendar, day)}: counted."));
                }
            }
            else
            {
                steps?.Add(new ExplanationStep(ExplanationStepKind.Skipped, DateOnly.FromDayNumber(day), $"{Describe(calendar, day)}: not counted."));
            }
        }

        return day;
    }

    /// <summary>The day itself if acceptable, else the next acceptable day, explaining the chain of days passed over.</summary>
    private static int RollForward(WorkingCalendar calendar, int day, byte mask, byte wanted, List<ExplanationStep>? steps)
    {
        if ((calendar.FlagsAt(day) & mask) == wanted)
        {
            if (steps is not null && IsNotable(calendar, day))
            {
                steps.Add(new ExplanationStep(ExplanationStepKind.Counted, DateOnly.FromDayNumber(day), $"{Describe(calendar, day)}: the period may end on it."));
            }

            return day;
        }

        var from = day;
        do
        {
            steps?.Add(new ExplanationStep(ExplanationStepKind.Skipped, DateOnly.FromDayNumber(day), $"{Describe(calendar, day)}: the period cannot end on it."));
            day++;
        }
        while ((calendar.FlagsAt(day) & mask) != wanted);

        if (steps is not null)
        {
            var next = mask == WorkingCalendar.Excluded ? "day that is not an excluded day" : "working day";
            steps.Add(new ExplanationStep(ExplanationStepKind.MovedForward, DateOnly.FromDayNumber(day),
                $"The period would end on {Day(from)}; it ends instead on the next {next}, {Describe(calendar, day)}."));
        }

        return day;
    }

    /// <summary>A counted day worth a line: a weekend day, or a day the calendar records (调休, half day).</summary>
    private static bool IsNotable(WorkingCalendar calendar, int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || calendar.DayOn(date) is not null;
    }

    private static string Describe(WorkingCalendar calendar, int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        var entry = calendar.DayOn(date);
        if (entry is not null)
        {
            return $"{Day(dayNumber)}: {entry.Name} ({KindText(calendar.Kind, entry.Kind)})";
        }

        return (calendar.Kind, date.DayOfWeek) switch
        {
            (RegionCalendarKind.HongKong, DayOfWeek.Sunday) => $"{Day(dayNumber)}: Sunday (a general holiday, so an excluded day)",
            (RegionCalendarKind.HongKong, DayOfWeek.Saturday) => $"{Day(dayNumber)}: Saturday (not a working day, but not an excluded day)",
            (_, DayOfWeek.Saturday or DayOfWeek.Sunday) => $"{Day(dayNumber)}: weekend (rest day)",
            _ => $"{Day(dayNumber)}: working day",
        };
    }

    private static string KindText(RegionCalendarKind calendar, CalendarDayKind kind) => (calendar, kind) switch
    {
        (RegionCalendarKind.Mainland, CalendarDayKind.Holiday) => "statutory holiday",
        (RegionCalendarKind.HongKong, CalendarDayKind.Holiday) => "general holiday, an excluded day",
        (_, CalendarDayKind.Holiday) => "public holiday, 公眾假期",
        (_, CalendarDayKind.AdjustedWorkingDay) => "调休: a weekend day that is a working day",
        (_, CalendarDayKind.GovernmentHoliday) => "government holiday: public offices closed all day",
        (_, CalendarDayKind.HalfDayGovernmentHoliday) => "government half day: offices open in the morning, so a working day",
        (_, CalendarDayKind.WarningDay) => "gale or black rainstorm warning in force: an excluded day",
        _ => kind.ToString(),
    };

    private static string CountingLaw(RegionCalendarKind calendar, Period period) => (calendar, period.Unit) switch
    {
        (RegionCalendarKind.Mainland, PeriodUnit.WorkingDays) =>
            "行政复议法 (Administrative Reconsideration Law) art. 88 and 民事诉讼法 (Civil Procedure Law) art. 85: the start day is not counted; " +
            "working days (工作日) are counted, weekends and statutory holidays are not, and 调休 weekend working days are.",
        (RegionCalendarKind.Mainland, PeriodUnit.Hours) =>
            "民事诉讼法 (Civil Procedure Law) art. 85: the hour in which the period starts is not counted; counting begins at the next whole hour.",
        (RegionCalendarKind.Mainland, PeriodUnit.Months) =>
            "民事诉讼法 (Civil Procedure Law) art. 85: the start day is not counted; a month period ends on the same-numbered day of the last month, " +
            "or on that month's last day if it has none; if that day is a rest day or statutory holiday, the period ends on the next working day.",
        (RegionCalendarKind.Mainland, _) =>
            "民事诉讼法 (Civil Procedure Law) art. 85: the start day is not counted; if the last day is a rest day or statutory holiday, the period ends on the next working day.",
        (RegionCalendarKind.HongKong, PeriodUnit.WorkingDays) =>
            "Interpretation and General Clauses Ordinance (Cap. 1) s. 71: the first day is excluded; working days are Monday to Friday other than general holidays; " +
            "if the last day is a gale or black rainstorm warning day, the period ends on the next working day.",
        (RegionCalendarKind.HongKong, PeriodUnit.Days) when period.Amount <= HongKongShortPeriodDays =>
            "Interpretation and General Clauses Ordinance (Cap. 1) s. 71: the first day is excluded; in a period of 6 days or less, excluded days " +
            "(general holidays, which include every Sunday, and gale or black rainstorm warning days) are not counted. Saturdays are counted.",
        (RegionCalendarKind.HongKong, PeriodUnit.Hours) =>
            "Hong Kong: a period in hours runs from the moment it starts.",
        (RegionCalendarKind.HongKong, _) =>
            "Interpretation and General Clauses Ordinance (Cap. 1) s. 71: the first day is excluded; if the last day is an excluded day " +
            "(a general holiday, which every Sunday is, or a gale or black rainstorm warning day), the period ends on the next day that is not. Saturdays are not excluded days.",
        (_, PeriodUnit.WorkingDays) =>
            "Macao, DL 7/97/M: working days (工作日) of government bodies are Monday to Friday other than public holidays and full government holidays; " +
            "a half-day government holiday leaves the morning open and counts. The start day is not counted.",
        (_, PeriodUnit.Hours) =>
            "Macao: a period in hours runs from the moment it starts.",
        _ =>
            "Macao Civil Code (澳門民法典) art. 272 (UNVERIFIED): the start day is not counted; a period ending on a day public offices are closed " +
            "ends on the next working day (DL 7/97/M). A month period ends on the same-numbered day, or the month's last day if it has none.",
    };

    private static string Day(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {date.DayOfWeek.ToString()[..3]}";
    }

    private static string Instant(DateTimeOffset instant) =>
        instant.ToOffset(LocalOffset).ToString("yyyy-MM-dd HH:mm '+08:00'", CultureInfo.InvariantCulture);
}
